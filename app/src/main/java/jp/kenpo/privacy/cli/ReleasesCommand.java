package jp.kenpo.privacy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.kenpo.privacy.catalog.Language;
import jp.kenpo.privacy.catalog.NoticeFormat;
import jp.kenpo.privacy.release.ReleaseRecord;
import jp.kenpo.privacy.release.ReleaseService;
import jp.kenpo.privacy.shared.BadRequestException;
import jp.kenpo.privacy.shared.SocietyTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "releases",
        description = "Anonymized releases (匿名加工情報, APPI Art. 43): check and build a spec, the registry,"
                + " approval, delivery and the public statement.",
        subcommands = {
            ReleasesCommand.Check.class,
            ReleasesCommand.Build.class,
            ReleasesCommand.ListAll.class,
            ReleasesCommand.Show.class,
            ReleasesCommand.Approve.class,
            ReleasesCommand.Deliver.class,
            ReleasesCommand.Publication.class
        })
final class ReleasesCommand {

    private static final int MAX_SPEC_BYTES = 200_000;

    static String read(Path spec) throws IOException {
        if (Files.size(spec) > MAX_SPEC_BYTES) {
            throw new BadRequestException("SPEC", "the file is larger than " + MAX_SPEC_BYTES + " bytes");
        }
        return Files.readString(spec, StandardCharsets.UTF_8);
    }

    @Command(name = "check", description = "Checks a release spec against the catalog, the register and the data.")
    static final class Check extends AppCommand {
        @Parameters(paramLabel = "SPEC", description = "the release spec (YAML)")
        Path spec;

        @Override
        public Integer call() throws IOException {
            ReleaseService.Plan plan = service(ReleaseService.class).check(read(spec), spec.toString());
            out().println("ok: " + plan.spec().recipient() + ", " + plan.period() + " (cut-off " + plan.cutOff()
                    + "), " + plan.method() + ", catalog version " + plan.catalogVersion() + ", k = "
                    + plan.spec().thresholds().k());
            return 0;
        }
    }

    @Command(name = "build", description = "Builds, checks and seals a release into a new folder, and registers it.")
    static final class Build extends AppCommand {
        @Parameters(paramLabel = "SPEC", description = "the release spec (YAML)")
        Path spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "the new folder (must not exist)")
        Path out;

        @Override
        public Integer call() throws IOException {
            String source = read(spec);
            err().println("building the release of " + spec + " …");
            ReleaseRecord r = service(ReleaseService.class).build(source, spec.toString(), out);
            out().println("built " + r.releaseId() + " into " + r.location());
            details(r).forEach(out()::println);
            return 0;
        }
    }

    @Command(name = "list", description = "Lists the release registry.")
    static final class ListAll extends AppCommand {
        @Override
        public Integer call() {
            service(ReleaseService.class).list().forEach(r -> out().println(line(r)));
            return 0;
        }
    }

    @Command(name = "show", description = "Shows one release of the registry.")
    static final class Show extends AppCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            ReleaseRecord r = service(ReleaseService.class).show(id);
            out().println(line(r));
            details(r).forEach(out()::println);
            return 0;
        }
    }

    @Command(
            name = "approve",
            description = "Approves a release (another officer than its builder, unless"
                    + " kenpo.release.one-person-approval is true).")
    static final class Approve extends AppCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            out().println(line(service(ReleaseService.class).approve(id)));
            return 0;
        }
    }

    @Command(
            name = "deliver",
            description = "Records the delivery of an approved release whose items and method are published.")
    static final class Deliver extends AppCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            out().println(line(service(ReleaseService.class).deliver(id)));
            return 0;
        }
    }

    @Command(name = "publication", description = "The public statement on anonymized information (APPI Art. 43(3)).")
    static final class Publication extends AppCommand {
        @Option(names = "--lang", defaultValue = "ja", description = "ja or en")
        Language lang;

        @Option(names = "--format", defaultValue = "txt", description = "txt or html")
        NoticeFormat format;

        @Override
        public Integer call() {
            out().print(service(ReleaseService.class).publication(lang, format));
            out().flush();
            return 0;
        }
    }

    static String line(ReleaseRecord r) {
        return r.releaseId() + "  " + r.recipient() + "  " + r.periodFrom() + ".." + r.periodTo() + "  " + r.method()
                + "  built " + SocietyTime.format(r.builtAt()) + " by " + r.builtBy()
                + r.approval()
                        .map(a -> "  approved by " + a.by() + (a.onePerson() ? " (one-person approval)" : ""))
                        .orElse("  not approved")
                + r.delivery()
                        .map(d -> "  delivered " + SocietyTime.format(d.at()))
                        .orElse("");
    }

    static java.util.List<String> details(ReleaseRecord r) {
        var lines = new java.util.ArrayList<String>();
        lines.add("  spec            " + r.specFile() + " (SHA-256 " + r.specSha256() + ")");
        lines.add("  catalog         version " + r.catalogVersion() + "; pseudonyms " + r.pseudonyms());
        lines.add("  figures         " + r.figures().replaceAll("\\s+", " "));
        r.files()
                .forEach(f ->
                        lines.add("  file            " + f.file() + "  " + f.sha256() + "  " + f.rows() + " rows"));
        r.archiveSha256().ifPresent(h -> lines.add("  archive SHA-256 " + h));
        r.manifestSha256().ifPresent(h -> lines.add("  manifest SHA-256 " + h));
        lines.add("  registry row   " + r.rowSha256());
        return lines;
    }
}
