package jp.kenpo.privacy.accounts;

import static jp.kenpo.privacy.testing.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.kenpo.privacy.KenpoApplication;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditQuery;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.testing.RunRecord;
import jp.kenpo.privacy.testing.TestDatabases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The very first start, on an empty database of its own: one privacy officer, its one-time
 * password printed once on the console and in no log, no other account and no default password;
 * the trail names the first start as the account's creator.
 */
@Tag("database")
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

    private static final Pattern ONE_TIME = Pattern.compile("One-time password: +(\\S+)");

    @Test
    void oneOfficerWithAOneTimePasswordShownOnce(CapturedOutput output) throws IOException {
        var db = TestDatabases.named("first-start");
        // as arguments: they outrank application.yml's database (default properties would not)
        try (var app = new SpringApplicationBuilder(KenpoApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=" + db.password())) {
            assertThat(app.getEnvironment().getProperty("spring.datasource.url"))
                    .isEqualTo(db.url());
            var matcher = ONE_TIME.matcher(output.getErr());
            assertThat(matcher.find()).as(output.getErr()).isTrue();
            String oneTime = matcher.group(1);
            assertThat(matcher.find()).as("printed once").isFalse();
            assertThat(output.getAll())
                    .contains("Privacy officer account: officer")
                    .doesNotContainIgnoringCase("generated security password");
            assertThat(output.getOut()).doesNotContain(oneTime);
            // the run's log file, which the logger writes and the console's standard error is not part of
            String log = Files.readString(RunRecord.files().get(0), StandardCharsets.UTF_8);
            assertThat(log)
                    .as("this start's log lines are in the file")
                    .contains("First start on an empty database: created the privacy officer account 'officer'");
            assertThat(log).as("the one-time password in the log").doesNotContain(oneTime);

            var accounts = app.getBean(AccountService.class);
            assertThat(accounts.list()).singleElement().satisfies(a -> {
                assertThat(a.name()).isEqualTo("officer");
                assertThat(a.role()).isEqualTo(Role.PRIVACY_OFFICER);
                assertThat(a.passwordChangeRequired()).isTrue();
            });
            assertThat(accounts.list().get(0).createdBy()).isEqualTo("(first start)");
            assertThat(accounts.createFirstOfficer())
                    .as("a second start creates nothing")
                    .isEmpty();
            var created = as(
                            "auditor",
                            Role.AUDITOR,
                            () -> app.getBean(AuditReview.class)
                                    .search(new AuditQuery(
                                            Optional.empty(),
                                            Optional.empty(),
                                            Optional.of(AuditAction.ACCOUNT_CREATED),
                                            Optional.empty(),
                                            Optional.empty(),
                                            0,
                                            10)))
                    .entries();
            assertThat(created)
                    .extracting(e -> e.actor() + " " + e.role() + " " + e.source() + ": " + e.detail())
                    .containsExactly("(first start) NONE local: account officer (PRIVACY_OFFICER)");

            var signIns = app.getBean(SignInService.class);
            assertThat(signIns.signIn("officer", "officer", null, "test")).isInstanceOf(SignInService.Refused.class);
            var first = signIns.signIn("officer", oneTime, null, "test");
            assertThat(first)
                    .isInstanceOfSatisfying(
                            SignInService.Success.class,
                            ok -> assertThat(ok.signedIn().setup())
                                    .containsExactlyInAnyOrder(
                                            SetupStep.CHANGE_PASSWORD, SetupStep.ENROL_SECOND_FACTOR));
        }
    }
}
