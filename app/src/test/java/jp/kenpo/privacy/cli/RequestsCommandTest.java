package jp.kenpo.privacy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.RunRecord;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./kenpo requests: file, verify, decide, answer, list, show, run in process. */
class RequestsCommandTest extends DatabaseTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    private Run kenpo(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Kenpo.execute(args, () -> context, new PrintWriter(out, true), new PrintWriter(err, true));
        RunRecord.append("./kenpo " + String.join(" ", args) + " -> " + code, out + "\n" + err);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aDisclosureFiledOnPaperIsVerifiedDecidedAndAnsweredIntoAFolder() throws Exception {
        String s = TestMembers.freshSymbol();
        Path csv = dir.resolve("members.csv");
        Files.writeString(csv, TestMembers.csv(List.of(TestMembers.insured(s, "1", "2020-04-01", null))));
        assertThat(kenpo("members", "import", csv.toString()).code()).isZero();
        String key = s + "-1-00";

        Run filed = kenpo(
                "requests",
                "file",
                "--member",
                key,
                "--kind",
                "DISCLOSE",
                "--filed-by",
                "SELF",
                "--channel",
                "PAPER",
                "--received",
                java.time.LocalDate.now(jp.kenpo.privacy.shared.SocietyTime.ZONE)
                        .toString());
        assertThat(filed.code()).as(filed.err()).isZero();
        String id = filed.out().strip();
        assertThat(id).matches("[0-9]+");

        Run early = kenpo("requests", "answer", id, "--out", dir.toString());
        assertThat(early.code()).isEqualTo(1);
        assertThat(early.err()).contains("answered once it is decided");
        Run unverified = kenpo("requests", "decide", id, "--outcome", "FULL");
        assertThat(unverified.code()).isEqualTo(1);
        assertThat(unverified.err()).contains("identity is verified");

        assertThat(kenpo("requests", "verify", id, "--method", "DRIVERS_LICENSE")
                        .out())
                .contains("IDENTITY_VERIFIED");
        Run noGround = kenpo("requests", "decide", id, "--outcome", "REFUSED");
        assertThat(noGround.code()).isEqualTo(1);
        assertThat(noGround.err()).contains("--ground").contains("statutory ground");
        assertThat(kenpo("requests", "decide", id, "--outcome", "FULL").out()).contains("DECIDED FULL");

        assertThat(kenpo("requests", "list").out()).contains(key);
        Run answered = kenpo("requests", "answer", id, "--out", dir.toString());
        assertThat(answered.code()).as(answered.err()).isZero();
        assertThat(dir.resolve("request-" + id + ".zip")).isRegularFile();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        assertThat(kenpo("requests", "list").out()).doesNotContain(key);
        assertThat(kenpo("requests", "show", id).out())
                .contains("state ANSWERED, FULL")
                .contains("identity by DRIVERS_LICENSE")
                .contains("package sha256");
        Run again = kenpo("requests", "answer", id, "--out", dir.toString());
        assertThat(again.code()).isEqualTo(1);
    }
}
