package jp.kenpo.privacy.mynumber;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The vault's table as its reader and its import share it: rows by member, and how a number is bound and found. */
@Component
class VaultRows {

    static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final NamedParameterJdbcTemplate named;

    VaultRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(10_000);
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    NamedParameterJdbcTemplate named() {
        return named;
    }

    /** Runs {@code row} over the vault's rows of these members, selecting {@code columns} (member_id first). */
    void eachRow(String columns, Set<Long> ids, RowCallbackHandler row) {
        if (ids.size() > 5 * CHUNK) {
            // a large population: one pass over the vault beats many lists of ids
            streaming.query("select " + columns + " from individual_number", rs -> {
                if (ids.contains(rs.getLong(1))) {
                    row.processRow(rs);
                }
            });
        } else {
            var list = new ArrayList<>(ids);
            for (int i = 0; i < list.size(); i += CHUNK) {
                named.query(
                        "select " + columns + " from individual_number where member_id in (:ids)",
                        Map.of("ids", list.subList(i, Math.min(list.size(), i + CHUNK))),
                        row);
            }
        }
    }

    /** What a sealed number is bound to: its member and its data key. */
    static String associated(long memberId, int keyId) {
        return "kenpo-my-number-v1|" + memberId + "|" + keyId;
    }

    /** The number's HMAC under the lookup key: finds a number registered to another member without decrypting. */
    static String lookup(SecretKey key, IndividualNumber number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(number.reveal().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
