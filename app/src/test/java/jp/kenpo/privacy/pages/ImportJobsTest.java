package jp.kenpo.privacy.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditReview;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestAccounts;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A job that takes a while: its page tells how far it has got, and the files sent are gone once it ends. */
class ImportJobsTest extends DatabaseTest {

    @Autowired
    ImportJobs jobs;

    @Autowired
    MemberRegistry registry;

    @Autowired
    AuditReview review;

    @Test
    void aLongImportShowsHowFarItHasGotAndItsFilesAreRemovedWhenItEnds() throws Exception {
        String name = "imp-long-" + UUID.randomUUID().toString().substring(0, 8);
        var clerk = accounts().signedIn(api(), accounts().person(api(), name, Role.CLERK));
        String symbol = TestMembers.freshSymbol();
        var rows = new ArrayList<String>();
        for (int n = 1; n <= 40_000; n++) {
            rows.add(TestMembers.insured(symbol, Integer.toString(n), "2020-04-01", null));
        }
        Path folder = Files.createTempDirectory("kenpo-import-test-");
        Path file = folder.resolve("everyone.csv");
        Files.writeString(file, TestMembers.csv(rows), StandardCharsets.UTF_8);
        long size = Files.size(file);

        ImportJob job = TestAccounts.as(
                name,
                Role.CLERK,
                () -> jobs.start(
                        ImportJob.Kind.MEMBERS,
                        folder,
                        List.of("everyone.csv"),
                        size,
                        new ImportJobs.Options(StandardCharsets.UTF_8, false, false),
                        name));

        var running = clerk.get("/console/imports/" + job.id());
        assertThat(running.status()).isEqualTo(200);
        assertThat(running.body())
                .as("the page while the import runs")
                .contains("進み具合", "ファイル 1／1：everyone.csv", "id=\"refresh\"")
                .doesNotContain("id=\"result\"");

        assertThat(job.awaitEnd(120_000)).as("the import ended").isTrue();
        assertThat(job.state()).isEqualTo(ImportJob.State.DONE);
        assertThat(job.outcome().members().membersAdded()).isEqualTo(40_000);
        assertThat(job.progress().done()).isEqualTo(size);
        assertThat(registry.find(new MemberKey(symbol, "40000", "00"))).isPresent();
        assertThat(folder).as("the folder of the files sent").doesNotExist();

        var ended = clerk.get("/console/imports/" + job.id());
        assertThat(ended.body()).contains("id=\"result\"", "id=\"counts\"").doesNotContain("id=\"refresh\"");
        assertThat(TestAccounts.trailOf(review, name))
                .as("the import is audited as the clerk who sent it, although the test's context is emptied")
                .anySatisfy(e -> assertThat(e.detail()).startsWith("everyone.csv: 40000 members added"));
    }
}
