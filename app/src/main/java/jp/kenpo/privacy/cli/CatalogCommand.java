package jp.kenpo.privacy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import jp.kenpo.privacy.catalog.CatalogChanges;
import jp.kenpo.privacy.catalog.CatalogDiff;
import jp.kenpo.privacy.catalog.CatalogFileException;
import jp.kenpo.privacy.catalog.CatalogReview;
import jp.kenpo.privacy.catalog.CatalogService;
import jp.kenpo.privacy.catalog.CatalogVersion;
import jp.kenpo.privacy.catalog.Purpose;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.shared.SocietyTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "catalog",
        description = "The purpose catalog: its versions, checking and loading a new one.",
        subcommands = {
            CatalogCommand.Versions.class,
            CatalogCommand.Show.class,
            CatalogCommand.Check.class,
            CatalogCommand.Load.class
        })
final class CatalogCommand {

    @Command(name = "versions", description = "Lists the published versions.")
    static final class Versions extends AppCommand {
        @Override
        public Integer call() {
            var catalog = service(CatalogService.class);
            var inForce = catalog.catalog()
                    .inForceAt(Instant.now())
                    .map(CatalogVersion::version)
                    .orElse(0);
            for (var v : catalog.published()) {
                out().printf(
                                "%d  effective %s  published %s by %s  sha256 %s%s%n",
                                v.version(),
                                v.effectiveFrom(),
                                SocietyTime.format(v.publishedAt()),
                                v.publishedBy(),
                                v.sourceSha256(),
                                v.version() == inForce ? "  (in force)" : "");
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Lists the purposes of a version with their flow and consent policy.")
    static final class Show extends AppCommand {
        @Parameters(arity = "0..1", description = "version (default: the one in force now)")
        Integer version;

        @Option(names = "--source", description = "print the published file itself")
        boolean source;

        @Override
        public Integer call() {
            var catalogs = service(CatalogService.class);
            var catalog = catalogs.catalog();
            CatalogVersion v = (version == null ? catalog.inForceAt(Instant.now()) : catalog.version(version))
                    .orElseThrow(() -> new IllegalArgumentException("no such catalog version"));
            if (source) {
                out().print(catalogs.source(v.version()).orElseThrow());
                return 0;
            }
            out().printf("version %d, effective from %s%n", v.version(), v.effectiveFrom());
            for (Purpose p : v.purposes()) {
                out().printf(
                                "%-5s %-6s %-31s %s%s%n",
                                p.code(),
                                p.policy(),
                                p.flow(),
                                p.text().ja(),
                                p.retiredOn()
                                        .map(d -> "  (retired on " + d + ")")
                                        .orElse(""));
            }
            return 0;
        }
    }

    @Command(name = "check", description = "Checks a catalog file against the published versions; publishes nothing.")
    static final class Check extends AppCommand {
        @Parameters(description = "the catalog YAML file")
        Path file;

        @Override
        public Integer call() throws IOException {
            CatalogReview review = service(CatalogService.class).review(read(file), file.toString());
            review.diff().ifPresent(d -> printDiff(this, d));
            if (review.refusal().isPresent()) {
                var refusal = review.refusal().get();
                throw new CatalogFileException(file.toString(), refusal.line(), refusal.reason());
            }
            CatalogChanges changes = review.changes().orElseThrow();
            out().println("ok: " + file + " can be published as version " + changes.version());
            printChanges(this, changes);
            return 0;
        }
    }

    @Command(name = "load", description = "Publishes a new catalog version; it takes effect on its effective date.")
    static final class Load extends AppCommand {
        @Parameters(description = "the catalog YAML file")
        Path file;

        @Option(
                names = "--by",
                description = "the officer who decided the publication, when another runs the "
                        + "command: recorded as 'cli:USER for NAME' (the operating-system account always shows)")
        String by;

        @Override
        public Integer call() throws IOException {
            CatalogChanges changes = service(CatalogService.class).publish(read(file), file.toString(), onBehalf(by));
            out().println("published version " + changes.version() + " from " + file);
            printChanges(this, changes);
            return 0;
        }
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void printChanges(AppCommand cmd, CatalogChanges c) {
        print(cmd, "added", c.added());
        print(cmd, "retired", c.retired());
    }

    /** What the file changes against the version in force: purposes, then the notice's other texts and lines. */
    private static void printDiff(AppCommand cmd, CatalogDiff d) {
        var out = cmd.out();
        out.printf(
                "compared with version %d in force (effective %s), version %d effective %s:%n",
                d.fromVersion(), d.fromEffective(), d.toVersion(), d.toEffective());
        if (d.isEmpty()) {
            out.println("  no purpose or text differs");
        }
        d.added()
                .forEach(p ->
                        out.printf("  added    %-5s %s%n", p.code(), p.text().ja()));
        d.dropped()
                .forEach(p ->
                        out.printf("  dropped  %-5s %s%n", p.code(), p.text().ja()));
        for (CatalogDiff.PurposeChange c : d.changed()) {
            out.printf(
                    "  changed  %-5s %s%n",
                    c.code(),
                    String.join(
                            ", ",
                            c.fields().stream()
                                    .map(f -> f.field()
                                            + (f.field().equals("flow")
                                                            || f.field().equals("policy")
                                                            || f.field().equals("retired_on")
                                                            || f.field().equals("my_number_use")
                                                    ? " " + (f.before().isEmpty() ? "-" : f.before()) + " -> "
                                                            + (f.after().isEmpty() ? "-" : f.after())
                                                    : ""))
                                    .toList()));
        }
        if (!d.texts().isEmpty()) {
            out.println("  texts    "
                    + String.join(
                            ", ",
                            d.texts().stream()
                                    .map(CatalogDiff.FieldChange::field)
                                    .toList()));
        }
        out.printf("  notice   ja %s, en %s%n", counts(d.noticeJa()), counts(d.noticeEn()));
    }

    private static String counts(List<CatalogDiff.NoticeLine> lines) {
        long added = lines.stream()
                .filter(l -> l.kind() == CatalogDiff.NoticeLine.Kind.ADDED)
                .count();
        long removed = lines.stream()
                .filter(l -> l.kind() == CatalogDiff.NoticeLine.Kind.REMOVED)
                .count();
        return "+" + added + " -" + removed + " lines";
    }

    private static void print(AppCommand cmd, String what, List<PurposeCode> codes) {
        if (!codes.isEmpty()) {
            cmd.out()
                    .println("  " + what + ": "
                            + String.join(
                                    ", ",
                                    codes.stream().map(PurposeCode::toString).toList()));
        }
    }
}
