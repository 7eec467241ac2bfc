package jp.kenpo.privacy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kenpo.privacy.members.IdentityCorrection;
import jp.kenpo.privacy.members.ImportReport;
import jp.kenpo.privacy.members.Member;
import jp.kenpo.privacy.members.MemberCorrection;
import jp.kenpo.privacy.members.MemberCorrections;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.shared.BadRequestException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "members",
        description = "The member registry.",
        subcommands = {
            MembersCommand.Import.class,
            MembersCommand.Show.class,
            MembersCommand.Correct.class,
            MemberProvisionsCommand.class
        })
final class MembersCommand {

    @Command(
            name = "import",
            description =
                    "Imports members from CSV, inserting new members and adding periods by key "
                            + "(header: insurer_number,symbol,number,branch,kind,insured_branch,name_kanji,name_kana,sex,birth_date,acquired_on,lost_on). "
                            + "A row that names a registered key with another insurer, name, sex or birth date is refused: use 'members correct'.")
    static final class Import extends AppCommand {
        @Parameters(description = "the CSV file")
        Path file;

        @Option(
                names = "--encoding",
                defaultValue = "UTF-8",
                description = "UTF-8 (default) or Windows-31J (Shift_JIS)")
        Charset encoding;

        @Option(names = "--skip-bad", description = "import the good rows and report the bad ones")
        boolean skipBad;

        @Override
        public Integer call() throws IOException {
            ImportReport r;
            try (InputStream in = Files.newInputStream(file)) {
                r = service(MemberImport.class).importCsv(in, file.toString(), encoding, skipBad);
            }
            r.problems().forEach(p -> err().println(p));
            out().printf(
                            "%s: %d rows read; %d members added, %d updated; %d periods added, %d updated",
                            r.source(),
                            r.rowsRead(),
                            r.membersAdded(),
                            r.membersUpdated(),
                            r.periodsAdded(),
                            r.periodsUpdated());
            out().println(r.rowsSkipped() > 0 ? "; " + r.rowsSkipped() + " bad rows skipped" : "");
            return 0;
        }
    }

    @Command(
            name = "show",
            description = "Shows a member, their eligibility periods and the corrections of their identity.")
    static final class Show extends AppCommand {
        @Parameters(description = "the member key SYMBOL-NUMBER-BRANCH")
        MemberKey key;

        @Override
        public Integer call() {
            Member m = service(MemberRegistry.class).read(key);
            out().printf(
                            "%s  %s  %s（%s）  sex %d  born %s  insurer %s%s%n",
                            m.key(),
                            m.kind(),
                            m.nameKanji(),
                            m.nameKana(),
                            m.sex().code(),
                            m.birthDate(),
                            m.insurerNumber(),
                            m.insured().map(i -> "  insured person " + i).orElse(""));
            m.eligibility()
                    .forEach(p -> out().printf(
                                    "  eligible from %s%s%n",
                                    p.acquiredOn(),
                                    p.lostOn()
                                            .map(l -> " until " + l + " (lost on)")
                                            .orElse(" (current)")));
            for (MemberCorrection c : service(MemberCorrections.class).history(key)) {
                out().printf(
                                "  correction #%d on %s by %s: %s%n",
                                c.id(), c.correctedAt(), c.correctedBy(), c.reason());
                c.changes().forEach(ch -> out().printf("    %s: %s -> %s%n", ch.field(), ch.before(), ch.after()));
            }
            return 0;
        }
    }

    @Command(
            name = "correct",
            description = "Corrects a member's identity (the fields given), keeping the old values "
                    + "with the reason; audited. The same rules as a row of the member file.")
    static final class Correct extends AppCommand {
        /** The service's field names as this command's options, for its refusals. */
        private static final Map<String, String> OPTIONS = Map.of(
                "insurerNumber",
                "--insurer-number",
                "nameKanji",
                "--name",
                "nameKana",
                "--kana",
                "sex",
                "--sex",
                "birthDate",
                "--birth-date",
                "reason",
                "--reason");

        @Parameters(description = "the member key SYMBOL-NUMBER-BRANCH")
        MemberKey key;

        @Option(names = "--insurer-number", description = "保険者番号 (8 digits)")
        String insurerNumber;

        @Option(names = "--name", description = "氏名 as registered (name_kanji)")
        String name;

        @Option(names = "--kana", description = "氏名カナ in katakana (name_kana)")
        String kana;

        @Option(names = "--sex", description = "1 (male) or 2 (female)")
        String sex;

        @Option(names = "--birth-date", description = "YYYY-MM-DD")
        String birthDate;

        @Option(names = "--reason", required = true, description = "what the correction comes from (a form, a request)")
        String reason;

        @Override
        public Integer call() {
            MemberCorrection c;
            try {
                c = service(MemberCorrections.class)
                        .correct(
                                key,
                                new IdentityCorrection(
                                        Optional.ofNullable(insurerNumber),
                                        Optional.ofNullable(name),
                                        Optional.ofNullable(kana),
                                        Optional.ofNullable(sex),
                                        Optional.ofNullable(birthDate),
                                        reason));
            } catch (BadRequestException e) {
                throw new BadRequestException(OPTIONS.getOrDefault(e.field(), e.field()), e.getMessage());
            }
            List<String> fields =
                    c.changes().stream().map(MemberCorrection.Change::field).toList();
            out().printf(
                            "corrected %s: %s (correction #%d; the old values are kept: members show %s)%n",
                            c.member(), String.join(", ", fields), c.id(), c.member());
            return 0;
        }
    }
}
