package jp.kenpo.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import jp.kenpo.privacy.accounts.Role;
import jp.kenpo.privacy.audit.AuditAction;
import jp.kenpo.privacy.audit.AuditOutcome;
import jp.kenpo.privacy.claims.QuarantineReason;
import jp.kenpo.privacy.consent.Channel;
import jp.kenpo.privacy.consent.ConsentAction;
import jp.kenpo.privacy.consent.Filer;
import jp.kenpo.privacy.members.MemberImport;
import jp.kenpo.privacy.members.MemberKey;
import jp.kenpo.privacy.members.MemberKind;
import jp.kenpo.privacy.members.MemberRegistry;
import jp.kenpo.privacy.testing.DatabaseTest;
import jp.kenpo.privacy.testing.TestDatabases;
import jp.kenpo.privacy.testing.TestMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the schema itself holds every writer to, on H2 and on PostgreSQL. */
class SchemaIntegrityTest extends DatabaseTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MemberRegistry registry;

    @Autowired
    MemberImport memberImport;

    @Autowired
    PlatformTransactionManager transactions;

    /** Every enumerated column has a check that lists each value its Java type (or its reader) has. */
    @Test
    void everyEnumeratedColumnIsCheckedForEachOfItsValues() {
        Map<String, List<String>> columns = new TreeMap<>();
        columns.put("audit_entry.action", names(AuditAction.values()));
        columns.put("audit_entry.outcome", names(AuditOutcome.values()));
        columns.put("health_data_quarantine.reason", names(QuarantineReason.values()));
        columns.put("consent_event.kind", names(ConsentAction.values()));
        columns.put("consent_event.channel", names(Channel.values()));
        columns.put("consent_event.filed_by", names(Filer.values()));
        columns.put("member.kind", names(MemberKind.values()));
        columns.put("account.role", names(Role.values()));
        columns.put("receipt_diagnosis.record_type", List.of("SY", "HS", "SB"));
        columns.put("receipt_procedure.record_type", List.of("SI", "SS"));
        columns.put("checkup_observation.value_type", List.of("", "PQ", "CD", "CO", "CE", "ST"));
        columns.put("rights_request.kind", names(jp.kenpo.privacy.requests.RequestKind.values()));
        columns.put("rights_request.filed_by", names(jp.kenpo.privacy.requests.Requester.values()));
        columns.put("rights_request.state", names(jp.kenpo.privacy.requests.RequestState.values()));
        columns.put("rights_request.ground", names(jp.kenpo.privacy.requests.Ground.values()));
        columns.put(
                "rights_request_event.verification_method", names(jp.kenpo.privacy.requests.IdentityCheck.values()));
        columns.put("rights_request_event.representation", names(jp.kenpo.privacy.requests.Authority.values()));
        var unchecked = new ArrayList<String>();
        columns.forEach((column, values) -> {
            String[] tc = column.split("\\.");
            List<String> checks = jdbc.queryForList("""
                    select cc.check_clause from information_schema.check_constraints cc
                      join information_schema.table_constraints tc
                        on tc.constraint_name = cc.constraint_name and tc.constraint_schema = cc.constraint_schema
                     where lower(tc.table_name) = ?""", String.class, tc[0]);
            boolean listed = checks.stream()
                    .anyMatch(c -> c.toLowerCase().contains(tc[1])
                            && values.stream().allMatch(v -> c.contains("'" + v + "'")));
            if (!listed) {
                unchecked.add(column + " " + values);
            }
        });
        assertThat(unchecked)
                .as("columns whose check does not list every value (a new value needs a migration)")
                .isEmpty();
    }

    /**
     * Every foreign key has an index beginning with its columns, so that a parent's key is found
     * among its children without a scan — but two: audit_entry_member names entries that are never
     * updated or deleted, and a pharmacy drug's or dispensing's prescription is found through the
     * primary key's (file, receipt) prefix, among the few rows of one receipt.
     */
    @Test
    void everyForeignKeyHasAnIndex() throws SQLException {
        Set<String> served = Set.of(
                "audit_entry_member(chain,chain_seq)",
                "receipt_drug(file_id,receipt_seq,prescription_seq)",
                "receipt_dispensing(file_id,receipt_seq,prescription_seq)");
        var missing = new ArrayList<String>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String schema = c.getSchema();
            var tables = new ArrayList<String>();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                var keys = new TreeMap<String, List<String>>();
                try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
                    while (rs.next()) {
                        keys.computeIfAbsent(rs.getString("FK_NAME"), k -> new ArrayList<>())
                                .add(rs.getString("FKCOLUMN_NAME").toLowerCase());
                    }
                }
                var indexes = new HashMap<String, TreeMap<Integer, String>>();
                try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") != null) {
                            indexes.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new TreeMap<>())
                                    .put(
                                            rs.getInt("ORDINAL_POSITION"),
                                            rs.getString("COLUMN_NAME").toLowerCase());
                        }
                    }
                }
                for (List<String> fk : keys.values()) {
                    boolean indexed = indexes.values().stream()
                            .map(ix -> List.copyOf(ix.values()))
                            .anyMatch(ix -> ix.size() >= fk.size()
                                    && Set.copyOf(ix.subList(0, fk.size())).equals(Set.copyOf(fk)));
                    String name = table.toLowerCase() + "(" + String.join(",", fk) + ")";
                    if (!indexed && !served.contains(name)) {
                        missing.add(name);
                    }
                }
            }
        }
        assertThat(missing).as("foreign keys without an index").isEmpty();
    }

    /** PostgreSQL refuses overlapping periods of one member whoever writes them; on H2 the registry's check is all. */
    @Test
    void aMembersEligibilityPeriodsCannotOverlap() {
        assumeTrue(TestDatabases.postgres(), "H2 has no exclusion constraints");
        MemberKey m = TestMembers.register(memberImport);
        long id = registry.ids(List.of(m)).get(m);
        var tx = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.update(
                        "insert into member_eligibility (member_id, acquired_on, lost_on) values (?, date '2021-04-01', date '2022-04-01')",
                        id)))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("member_eligibility_no_overlap");
        // the day it was lost a member may acquire it again; another member's periods are no concern
        tx.executeWithoutResult(s -> jdbc.update("""
                update member_eligibility set lost_on = date '2021-04-01' where member_id = ?""", id));
        tx.executeWithoutResult(s -> jdbc.update(
                "insert into member_eligibility (member_id, acquired_on, lost_on) values (?, date '2021-04-01', null)",
                id));
        assertThat(jdbc.queryForObject("select count(*) from member_eligibility where member_id = ?", Long.class, id))
                .isEqualTo(2);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
