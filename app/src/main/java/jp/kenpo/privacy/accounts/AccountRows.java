package jp.kenpo.privacy.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import jp.kenpo.privacy.members.MemberKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The rows of the account table, with their secrets, for this module's services only. */
@Component
class AccountRows {

    private static final String SELECT_ACCOUNT = """
            select id, name, role, member_key, password_hash, password_change_required, totp_secret, totp_pending_secret,
                   totp_last_step, failed_sign_ins, locked_until, enabled, created_at, created_by, credential_version,
                   one_time_password_used
              from account""";

    /**
     * An account's row with its secrets: never leaves this module.
     *
     * @param oneTimePasswordUsed while {@code passwordChangeRequired}: its one-time password has opened a setup session once
     */
    record AccountRow(
            long id,
            String name,
            Role role,
            Optional<MemberKey> member,
            String passwordHash,
            boolean passwordChangeRequired,
            String totpSecret,
            String totpPendingSecret,
            long totpLastStep,
            int failedSignIns,
            Optional<Instant> lockedUntil,
            boolean enabled,
            Instant createdAt,
            String createdBy,
            long credentialVersion,
            boolean oneTimePasswordUsed) {

        Account account(List<Account.ApiToken> tokens, Instant now) {
            return new Account(
                    name,
                    role,
                    member,
                    enabled,
                    passwordChangeRequired,
                    totpSecret != null,
                    lockedUntil.filter(now::isBefore),
                    createdAt,
                    createdBy,
                    tokens);
        }

        @Override
        public String toString() {
            return "AccountRow[" + name + ", " + role + "]";
        }
    }

    private final JdbcTemplate jdbc;

    AccountRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AccountRow> find(String name) {
        return jdbc.query(SELECT_ACCOUNT + " where name = ?", (rs, n) -> row(rs), name).stream()
                .findFirst();
    }

    /** The account's row, locked for the caller's transaction: changes of one account happen in turn. */
    Optional<AccountRow> lockIfExists(String name) {
        return jdbc.query(SELECT_ACCOUNT + " where name = ? for update", (rs, n) -> row(rs), name).stream()
                .findFirst();
    }

    AccountRow lock(String name) {
        return lockIfExists(name).orElseThrow(() -> new UnknownAccountException(name));
    }

    List<AccountRow> all() {
        return jdbc.query(SELECT_ACCOUNT + " order by name", (rs, n) -> row(rs));
    }

    private static AccountRow row(ResultSet rs) throws SQLException {
        return new AccountRow(
                rs.getLong(1),
                rs.getString(2),
                Role.valueOf(rs.getString(3)),
                Optional.ofNullable(rs.getString(4)).map(MemberKey::parse),
                rs.getString(5),
                rs.getBoolean(6),
                rs.getString(7),
                rs.getString(8),
                rs.getLong(9),
                rs.getInt(10),
                Optional.ofNullable(rs.getObject(11, OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                rs.getBoolean(12),
                rs.getObject(13, OffsetDateTime.class).toInstant(),
                rs.getString(14),
                rs.getLong(15),
                rs.getBoolean(16));
    }
}
