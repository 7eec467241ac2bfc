package jp.kenpo.privacy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.kenpo.privacy.members.ImportReport;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "members", description = "The member registry.",
        subcommands = {MembersCommand.Import.class, MembersCommand.Show.class})
final class MembersCommand {

    @Command(name = "import", description = "Imports members from CSV, inserting or updating by key "
            + "(header: insurer_number,symbol,number,branch,kind,insured_branch,name_kanji,name_kana,sex,birth_date,acquired_on,lost_on).")
    static final class Import extends AppCommand {
        @Parameters(description = "the CSV file")
        Path file;

        @Option(names = "--encoding", defaultValue = "UTF-8", description = "UTF-8 (default) or Windows-31J (Shift_JIS)")
        Charset encoding;

        @Option(names = "--skip-bad", description = "import the good rows and report the bad ones")
        boolean skipBad;

        @Override
        public Integer call() throws IOException {
            ImportReport r;
            try (InputStream in = Files.newInputStream(file)) {
                r = service(MemberRegistry.class).importCsv(in, file.toString(), encoding, skipBad);
            }
            r.problems().forEach(p -> err().println(p));
            out().printf("%s: %d rows read; %d members added, %d updated; %d periods added, %d updated",
                    r.source(), r.rowsRead(), r.membersAdded(), r.membersUpdated(), r.periodsAdded(), r.periodsUpdated());
            out().println(r.rowsSkipped() > 0 ? "; " + r.rowsSkipped() + " bad rows skipped" : "");
            return 0;
        }
    }

    @Command(name = "show", description = "Shows a member and their eligibility periods.")
    static final class Show extends AppCommand {
        @Parameters(description = "the member key SYMBOL-NUMBER-BRANCH")
        MemberKey key;

        @Override
        public Integer call() {
            Member m = service(MemberRegistry.class).read(key);
            out().printf("%s  %s  %s（%s）  sex %d  born %s  insurer %s%s%n", m.key(), m.kind(), m.nameKanji(), m.nameKana(),
                    m.sex().code(), m.birthDate(), m.insurerNumber(), m.insured().map(i -> "  insured person " + i).orElse(""));
            m.eligibility().forEach(p -> out().printf("  eligible from %s%s%n", p.acquiredOn(),
                    p.lostOn().map(l -> " until " + l + " (lost on)").orElse(" (current)")));
            return 0;
        }
    }
}
