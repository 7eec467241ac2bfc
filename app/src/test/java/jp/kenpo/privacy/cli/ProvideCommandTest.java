package jp.kenpo.privacy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.RunRecord;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** ./kenpo recipients, provide, members provisions and records purge, run in process. */
class ProvideCommandTest extends DatabaseTest {

    @TempDir
    Path dir;

    @Autowired
    MemberImport memberImport;

    record Run(int code, String out, String err) {}

    private Run kenpo(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Kenpo.execute(args, () -> context, new PrintWriter(out, true), new PrintWriter(err, true));
        RunRecord.append("./kenpo " + String.join(" ", args) + " -> " + code, out + "\n" + err);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aProvisionFromTheCommandLineIsRecordedAndShownToTheMember() throws Exception {
        MemberKey m = TestMembers.register(memberImport);
        String id = "CLI-EMPLOYER-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Run added = kenpo(
                "recipients",
                "add",
                "--id",
                id,
                "--kind",
                "third_party",
                "--name",
                "試験商事株式会社",
                "--address",
                "東京都千代田区試験町1-1",
                "--representative",
                "代表取締役 試験 一郎",
                "--purposes",
                "3.8",
                "--contract-ref",
                "C-1",
                "--contract-from",
                "2025-04-01");
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(kenpo("recipients", "show", id).out()).contains("代表取締役 試験 一郎");
        Path input = dir.resolve("results.csv");
        Files.writeString(input, "member,bmi\n" + m + ",22.0\n");

        Run provided = kenpo(
                "provide",
                "--purpose",
                "3.8",
                "--recipient",
                id,
                "--input",
                input.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--at",
                "2026-06-01T10:00");

        assertThat(provided.code()).as(provided.err()).isZero();
        assertThat(provided.out()).contains("1 rows read, 1 written for 1 members, 0 left out");
        Run history = kenpo("members", "provisions", m.toString());
        assertThat(history.out()).contains("2026-06-01", "PROVISION_RECORD", id, "DEEMED_CONSENT", "1 records");
    }

    @Test
    void anUnknownRecipientAndAPurgeReachingIntoRetentionAreRefused() throws Exception {
        Path input = dir.resolve("no-member.csv");
        Files.writeString(input, "key,bmi\nX-1-00,22\n");
        Run r = kenpo(
                "provide",
                "--purpose",
                "3.8",
                "--recipient",
                "NOBODY",
                "--input",
                input.toString(),
                "--out",
                dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("recipient: no recipient NOBODY");

        Run purge = kenpo("records", "purge", "--before", "2999-01-01");
        assertThat(purge.code()).isEqualTo(1);
        assertThat(purge.err()).contains("before:");
    }
}
