package jp.kenpo.privacy.bench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import jp.kenpo.privacy.bench.BenchData;
import jp.kenpo.privacy.formats.synthetic.SyntheticYear;

/**
 * The real launcher {@code ./kenpo}, timed as a clerk filing forms or a job making calls meets it
 * (issue 8: help under 0.5 s; one decision, one consent reservation, one member shown under 2 s
 * and 300 MB with 1,000,000 members on file; the first command after a build under 5 s). Each
 * command is a new process, run through {@code /usr/bin/time} for its peak resident memory.
 *
 * <p>The members are the synthetic generator's, imported once with {@code ./kenpo members import}
 * into an H2 database under bench-out/cli/, which later runs reuse. "First after a build" gives the
 * jar a new time, as a build does, so that the launcher unpacks it again and runs without a class
 * archive; before each figure the bench waits for the launcher's background run that makes it.
 *
 * <p>Run from the repository root: {@code bench/run cli.LauncherBench [runs] [members] [launcher]}
 * (the launcher defaults to {@code ./kenpo}; another script can be named to compare).
 */
public final class LauncherBench {

    private static final Path JAR = Path.of("app/target/kenpo-app-exec.jar");
    private static final Path LAUNCHER_CACHE = Path.of("app/target/kenpo-cli");

    /** One timed run: wall seconds, peak resident memory in MiB, CPU seconds (user + system). */
    private record Run(double wall, double rssMiB, double cpu) {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int members = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        String launcher = args.length > 2 ? args[2] : "./kenpo";
        if (!Files.isExecutable(Path.of(launcher)) || !Files.exists(JAR)) {
            throw new IllegalStateException(
                    "run from the repository root after a build: " + launcher + " and " + JAR + " are needed");
        }
        Path csv = BenchData.path("cli", "members-" + members + ".csv");
        Path db = BenchData.path("cli", "h2-" + members).toAbsolutePath();
        String url = "jdbc:h2:file:" + db.resolve("kenpo") + ";AUTO_SERVER=TRUE";
        prepare(launcher, members, csv, db, url);
        String[] keys = firstKeys(csv);

        System.out.printf(
                "%s, H2 database of %,d members (%s), %d runs each; load average %s%n",
                launcher, members, db, runs, loadAverage());
        List<String[]> commands = List.of(
                new String[] {"help"},
                new String[] {"decide", "--member", keys[0], "--purpose", "3.8"},
                new String[] {"consent", "reserve", "--member", keys[1], "--purpose", "3.8", "--channel", "paper"},
                new String[] {"members", "show", keys[0]});
        // a command that starts the application: after a build, the launcher then makes its class archive
        run(url, launcher, commands.get(1));
        awaitClassArchive();
        System.out.printf("%-62s %22s %18s %10s%n", "command", "wall s min/med/max", "peak RSS MiB max", "CPU s med");
        for (String[] command : commands) {
            var figures = new ArrayList<Run>();
            for (int i = 0; i < runs; i++) {
                figures.add(run(url, launcher, command));
            }
            print(String.join(" ", command), figures);
        }
        var first = new ArrayList<Run>();
        for (int i = 0; i < Math.min(runs, 3); i++) {
            Files.setLastModifiedTime(JAR, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
            first.add(run(url, launcher, commands.get(1)));
            awaitClassArchive();
        }
        print("first command after a build: " + String.join(" ", commands.get(1)), first);
        System.out.printf("load average after: %s%n", loadAverage());
    }

    /** The members' CSV and the database holding them, made once. */
    private static void prepare(String launcher, int members, Path csv, Path db, String url) throws Exception {
        if (!Files.exists(csv)) {
            Path year = csv.resolveSibling("year-" + members);
            System.out.printf("generating %,d synthetic members into %s…%n", members, csv);
            SyntheticYear.write(new SyntheticYear.Options(members, 2025, 8, 0), year, (d, t) -> {});
            Files.move(year.resolve("members.csv"), csv);
            deleteTree(year);
        }
        Path imported = db.resolve("imported");
        if (!Files.exists(imported)) {
            deleteTree(db);
            Files.createDirectories(db);
            System.out.printf("importing them into %s (once)…%n", db);
            long t0 = System.nanoTime();
            Run r = run(url, launcher, "members", "import", csv.toString());
            System.out.printf("imported in %.0f s%n", r.wall());
            Files.writeString(imported, "imported in " + (System.nanoTime() - t0) / 1_000_000_000 + " s\n");
        }
    }

    /** The keys of the first two members in the file (an insured person and, usually, a dependent). */
    private static String[] firstKeys(Path csv) throws IOException {
        try (Stream<String> lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            return lines.skip(1)
                    .limit(2)
                    .map(line -> {
                        String[] f = line.split(",", -1);
                        return f[1] + "-" + f[2] + "-" + f[3];
                    })
                    .toArray(String[]::new);
        }
    }

    private static Run run(String url, String launcher, String... command) throws Exception {
        Path times = Files.createTempFile("kenpo-bench", ".time");
        try {
            var argv = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", times.toString(), launcher));
            argv.addAll(Arrays.asList(command));
            var pb = new ProcessBuilder(argv)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.PIPE);
            pb.environment().put("KENPO_DB_URL", url);
            long t0 = System.nanoTime();
            Process p = pb.start();
            byte[] err = p.getErrorStream().readAllBytes();
            int code = p.waitFor();
            double wall = (System.nanoTime() - t0) / 1e9;
            if (code != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + code + ": "
                        + new String(err, StandardCharsets.UTF_8));
            }
            List<String> lines = Files.readAllLines(times);
            String[] f = lines.get(lines.size() - 1).trim().split(" ");
            return new Run(wall, Long.parseLong(f[0]) / 1024.0, Double.parseDouble(f[1]) + Double.parseDouble(f[2]));
        } finally {
            Files.deleteIfExists(times);
        }
    }

    /** Waits (up to five minutes) while the launcher's background run makes its class archive. */
    private static void awaitClassArchive() throws Exception {
        long until = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < until) {
            boolean training;
            try (Stream<Path> dirs = Files.exists(LAUNCHER_CACHE) ? Files.list(LAUNCHER_CACHE) : Stream.empty()) {
                training = dirs.anyMatch(d -> Files.exists(d.resolve("training")));
            }
            if (!training) {
                return;
            }
            Thread.sleep(500);
        }
    }

    private static void print(String name, List<Run> runs) {
        double[] wall = runs.stream().mapToDouble(Run::wall).sorted().toArray();
        double[] cpu = runs.stream().mapToDouble(Run::cpu).sorted().toArray();
        double rss = runs.stream().mapToDouble(Run::rssMiB).max().orElse(0);
        System.out.printf(
                "%-62s %6.2f %6.2f %6.2f %18.0f %10.2f%n",
                name, wall[0], wall[wall.length / 2], wall[wall.length - 1], rss, cpu[cpu.length / 2]);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private LauncherBench() {}
}
