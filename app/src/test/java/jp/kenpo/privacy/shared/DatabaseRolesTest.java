package jp.kenpo.privacy.shared;

import static jp.kenpo.privacy.testing.TestAccounts.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.kenpo.privacy.KenpoApplication;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.catalog.PurposeCode;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.consent.ConsentAction;
import jp.kenpo.privacy.consent.ConsentLedger;
import jp.kenpo.privacy.consent.ConsentRequest;
import jp.kenpo.privacy.consent.ConsentTarget;
import jp.kenpo.privacy.consent.Filer;
import jp.kenpo.privacy.consent.LedgerVerifier;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.testing.TestDatabases;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * PostgreSQL with two roles: the migration owner runs Flyway and owns the tables; the application
 * runs as a runtime role that does all its ordinary work but cannot change or remove what is
 * append-only, nor disable the triggers that guard it (which only an owner can).
 */
@Tag("database")
class DatabaseRolesTest {

    /** SQLSTATE insufficient_privilege: refused by the role's rights, not by a trigger (23000). */
    private static final String NO_PRIVILEGE = "42501";

    @Test
    void theRuntimeRoleCannotChangeTheLedgerOrTheAuditTrail() throws SQLException {
        assumeTrue(TestDatabases.postgres(), "roles are PostgreSQL's");
        var db = TestDatabases.named("roles");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String owner = "kenpo_owner_" + suffix;
        String runtime = "kenpo_app_" + suffix;
        String name = db.url().substring(db.url().lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            admin.createStatement().execute("create role " + owner + " login");
            admin.createStatement().execute("create role " + runtime + " login");
            admin.createStatement().execute("alter database " + name + " owner to " + owner);
        }
        try {
            try (var app = new SpringApplicationBuilder(KenpoApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .run(
                            "--spring.datasource.url=" + db.url(),
                            "--spring.datasource.username=" + runtime,
                            "--spring.datasource.password=",
                            "--kenpo.db.migration-user=" + owner,
                            "--kenpo.db.migration-password=")) {
                // the first start already published the catalog and created the first officer, audited
                MemberKey m = TestMembers.register(app.getBean(MemberImport.class));
                var ledger = app.getBean(ConsentLedger.class);
                for (var action : List.of(ConsentAction.RESERVE, ConsentAction.GIVE)) {
                    as(
                            "clerk",
                            Role.CLERK,
                            () -> ledger.record(
                                    new ConsentRequest(
                                            m,
                                            action,
                                            ConsentTarget.purpose(PurposeCode.parse("3.8")),
                                            LocalDate.now(SocietyTime.ZONE),
                                            Channel.PAPER,
                                            Filer.SELF,
                                            Optional.empty()),
                                    "clerk"));
                }
                assertThat(app.getBean(LedgerVerifier.class).verify().intact()).isTrue();
            }
            try (Connection c = DriverManager.getConnection(db.url(), runtime, "")) {
                assertThat(c.createStatement()
                                .executeQuery("select current_user, (select count(*) from consent_event)"))
                        .satisfies(rs -> {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getString(1)).isEqualTo(runtime);
                            assertThat(rs.getLong(2)).isEqualTo(2);
                        });
                var refused = new ArrayList<String>();
                for (String table : List.of(
                        "consent_event", "audit_entry", "audit_entry_member", "catalog_version", "member_correction")) {
                    refused.add("update " + table + " set "
                            + (table.equals("audit_entry_member")
                                    ? "chain = chain"
                                    : table.equals("catalog_version")
                                            ? "published_by = published_by"
                                            : table.equals("member_correction") ? "reason = reason" : "hash = hash"));
                    refused.add("delete from " + table);
                }
                for (String table : List.of(
                        "consent_event",
                        "consent_chain_head",
                        "audit_entry",
                        "audit_entry_member",
                        "audit_chain_head",
                        "catalog_version",
                        "member_correction")) {
                    refused.add("truncate " + table + " cascade");
                    refused.add("alter table " + table + " disable trigger all");
                    refused.add("drop table " + table + " cascade");
                }
                // a request's history is appended; the request itself is never removed
                refused.add("update rights_request_event set note = note");
                refused.add("delete from rights_request_event");
                refused.add("truncate rights_request_event cascade");
                // the persons a STABLE release gave its recipient (V22): what the recipient holds does not change
                refused.add("update release_person set sex = sex");
                refused.add("delete from release_person");
                refused.add("truncate release_person cascade");
                // the My Number exchange records (V23): deleted only past their retention end, never changed
                refused.add("update my_number_exchange set items = items");
                refused.add("truncate my_number_exchange cascade");
                refused.add("update my_number_exchange_member set exchanged_on = exchanged_on");
                refused.add("truncate my_number_exchange_member cascade");
                refused.add("delete from rights_request");
                refused.add("truncate rights_request cascade");
                refused.add("delete from consent_chain_head");
                refused.add("delete from audit_chain_head");
                refused.add("insert into audit_chain_head (chain, chain_seq, hash) values (99, 0, 'x')");
                for (String sql : refused) {
                    assertThatThrownBy(() -> c.createStatement().execute(sql))
                            .as(sql)
                            .isInstanceOfSatisfying(
                                    SQLException.class,
                                    e -> assertThat(e.getSQLState()).as(sql).isEqualTo(NO_PRIVILEGE));
                }
            }
        } finally {
            // the database stays, the run's own again (the leak scan reads it, the run drops it); the roles go
            try (Connection admin = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                admin.createStatement().execute("reassign owned by " + owner + " to " + db.user());
                admin.createStatement().execute("drop owned by " + owner);
                admin.createStatement().execute("drop owned by " + runtime);
                admin.createStatement().execute("drop role " + runtime);
                admin.createStatement().execute("drop role " + owner);
            }
        }
    }
}
