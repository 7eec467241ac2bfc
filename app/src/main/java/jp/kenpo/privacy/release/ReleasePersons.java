package jp.kenpo.privacy.release;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * release_person: the persons each STABLE release gave its recipient, as they were before
 * generalisation, never changed (the database refuses it). Kept rather than recomputed from the
 * registry's specs: the registry, the consents and the eligibility change after a release, but what
 * the recipient holds does not.
 */
@Repository
class ReleasePersons {

    private static final int BATCH = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    ReleasePersons(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the recipient holds from its earlier STABLE releases: each member's last row, and the finest levels. */
    CumulativePersons earlier(String recipient) {
        Map<String, Integer> ceiling = new HashMap<>();
        jdbc.query(
                "select figures from release_registry where recipient = ? and pseudonyms = 'STABLE' order by id",
                rs -> {
                    JsonNode levels = JSON.readTree(rs.getString(1)).path("levels");
                    for (String q : PersonClasses.QUASI) {
                        if (levels.has(q)) {
                            ceiling.merge(q, levels.get(q).asInt(), Math::min);
                        }
                    }
                },
                recipient);
        Map<Long, CumulativePersons.Row> rows = new HashMap<>();
        // in release order, so that a member's last release wins
        jdbc.query(
                "select p.member_id, p.sex, p.birth_month, p.kind, p.enrolled, p.withdrawn from release_person p"
                        + " join release_registry r on r.id = p.release_id"
                        + " where r.recipient = ? and r.pseudonyms = 'STABLE' order by p.release_id",
                rs -> {
                    long id = rs.getLong(1);
                    rows.put(
                            id,
                            new CumulativePersons.Row(
                                    id,
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6)));
                },
                recipient);
        return new CumulativePersons(recipient, rows, ceiling);
    }

    /** Adds the persons of a release, inside the registry's transaction. */
    void add(String releaseId, List<CumulativePersons.Row> persons) {
        long id = jdbc.queryForObject("select id from release_registry where release_id = ?", Long.class, releaseId);
        List<Object[]> batch = new ArrayList<>(Math.min(BATCH, persons.size()));
        for (CumulativePersons.Row p : persons) {
            batch.add(new Object[] {id, p.memberId(), p.sex(), p.birthMonth(), p.kind(), p.enrolled(), p.withdrawn()});
            if (batch.size() == BATCH) {
                insert(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            insert(batch);
        }
    }

    private void insert(List<Object[]> batch) {
        jdbc.batchUpdate(
                "insert into release_person (release_id, member_id, sex, birth_month, kind, enrolled, withdrawn)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                batch);
    }
}
