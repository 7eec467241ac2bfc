package jp.kenpo.privacy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.RunRecord;
import jp.kenpo.privacy.testing.TestMembers;
import jp.kenpo.privacy.testing.TestNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** ./kenpo accounts, audit and mynumber, run in process against the test application. */
class SecurityCommandsTest extends DatabaseTest {

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
    void accountsCreateListResetTokenDisable() {
        String name = "cli-clerk-" + Long.toString(System.nanoTime(), 36);
        Run created = kenpo("accounts", "create", name, "--role", "clerk");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out())
                .contains("created account " + name + " (CLERK)")
                .containsPattern(
                        "one-time password \\(shown this once; it must be changed at first sign-in\\): [a-z2-9-]{23}");

        assertThat(kenpo("accounts", "list").out())
                .containsPattern(name + " +CLERK +enabled +\\(one-time password\\) +no 2FA");
        assertThat(kenpo("accounts", "reset", name).out())
                .contains("reset account " + name)
                .contains("one-time password");
        assertThat(kenpo("accounts", "token", name).err()).contains("API tokens are for SYSTEM accounts");

        String system = "cli-system-" + Long.toString(System.nanoTime(), 36);
        assertThat(kenpo("accounts", "create", system, "--role", "SYSTEM").out())
                .doesNotContain("one-time password")
                .contains("./kenpo accounts token " + system);
        Run token = kenpo("accounts", "token", system, "--days", "7", "--label", "premiums");
        assertThat(token.out())
                .containsPattern("API token #(\\d+) for " + system)
                .containsPattern("\\nkenpo_[A-Za-z0-9_-]{43}\\n");
        String id = token.out().replaceAll("(?s).*API token #(\\d+).*", "$1");
        assertThat(kenpo("accounts", "list").out())
                .contains("token #" + id)
                .contains("premiums")
                .doesNotContain("kenpo_");
        assertThat(kenpo("accounts", "token", system, "--revoke", id).out()).contains("revoked token #" + id);
        assertThat(kenpo("accounts", "token", system, "--days", "400").err()).contains("at most 365 days");

        assertThat(kenpo("accounts", "disable", name).out()).contains("disabled account " + name);
        assertThat(kenpo("accounts", "list").out()).containsPattern(name + " +CLERK +DISABLED");
        assertThat(kenpo("accounts", "create", "x", "--role", "CLERK").err())
                .contains("name: an account name has 2 to 64");
        assertThat(kenpo("accounts", "create", "m-" + Long.toString(System.nanoTime(), 36), "--role", "MEMBER")
                        .err())
                .contains("member: a MEMBER account names the member");
        assertThat(kenpo("accounts", "disable", "nobody-at-all").err()).contains("no account 'nobody-at-all'");

        Run trail = kenpo(
                "audit", "search", "--actor", "cli:" + System.getProperty("user.name"), "--action", "ACCOUNT_CREATED");
        assertThat(trail.out())
                .contains("ACCOUNT_CREATED")
                .contains("(OPERATOR) from local")
                .contains("account " + name + " (CLERK)");
    }

    @Test
    void auditVerifySearchDigest() throws Exception {
        Path digest = dir.resolve("digest.txt");
        Run written = kenpo("audit", "digest", "--out", digest.toString());
        assertThat(written.code()).as(written.err()).isZero();
        assertThat(Files.readString(digest))
                .startsWith("kenpo-privacy audit digest v1\ntaken ")
                .contains("\nchain 15 ");
        assertThat(kenpo("audit", "digest", "--out", digest.toString()).err())
                .as("never overwritten")
                .contains(digest.toString());

        Run verified = kenpo("audit", "verify", "--digest", digest.toString());
        assertThat(verified.code()).as(verified.err()).isZero();
        assertThat(verified.out()).startsWith("audit trail intact: ").contains("it still leads to the digest taken");

        Files.writeString(digest, Files.readString(digest).replace("chain 0 ", "chain 0 9"));
        assertThat(kenpo("audit", "verify", "--digest", digest.toString()).err())
                .contains("the file was changed");
        assertThat(kenpo("audit", "search", "--action", "AUDIT_VERIFIED", "--limit", "1")
                        .out())
                .contains("AUDIT_VERIFIED")
                .contains("of ");
        assertThat(kenpo("audit", "search", "--limit", "0").err()).contains("limit: must be from 1 to 1000");
        assertThat(kenpo("audit", "search", "--from", "yesterday").code()).isEqualTo(2);
    }

    @Test
    void mynumberImportShowStatusAndKeys() throws Exception {
        String s = TestMembers.freshSymbol();
        TestMembers.importRows(
                memberImport,
                List.of(
                        TestMembers.insured(s, "1", "2020-04-01", null),
                        TestMembers.dependent(s, "1", "01", "2021-04-01")));
        String parent = TestNumbers.next();
        String child = TestNumbers.next();
        Path file = dir.resolve("numbers.csv");
        Files.writeString(
                file, "member,individual_number\n" + s + "-1-00," + parent + "\n" + s + "-1-01," + child + "\n");

        Run imported = kenpo("mynumber", "import", file.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).isEqualTo(file + ": 2 rows read; 2 numbers added, 0 replaced\n");
        assertThat(kenpo("mynumber", "show", s + "-1-01").out())
                .isEqualTo(s + "-1-01  ********" + child.substring(8) + "\n");
        assertThat(kenpo("mynumber", "status").out())
                .containsPattern("\\d+ individual numbers; current master key [0-9a-f]{16}")
                .contains("(current) wraps");

        Files.writeString(file, "member,individual_number\n" + s + "-1-00," + child + "\n");
        Run refused = kenpo("mynumber", "import", file.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err())
                .contains(file + ":2: column individual_number: this number is registered to another member")
                .doesNotContain(child);

        Path key = dir.resolve("next.key");
        Run newKey = kenpo("mynumber", "new-key", key.toString());
        assertThat(newKey.out()).containsPattern("wrote master key [0-9a-f]{16} to " + key);
        assertThat(Files.readString(key).strip()).hasSize(44);
        assertThat(kenpo("mynumber", "new-key", key.toString()).err()).contains("never overwritten");
    }
}
