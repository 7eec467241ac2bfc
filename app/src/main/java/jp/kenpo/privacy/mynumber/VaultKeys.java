package jp.kenpo.privacy.mynumber;

import java.security.SecureRandom;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The vault's keys: the master keys from configuration (the current one and, during a rotation,
 * previous ones), and the data and lookup keys stored wrapped in the table vault_key. Unwrapped
 * keys are kept in memory only, for as long as the process runs.
 */
@Component
class VaultKeys {

    /** A data key, unwrapped. */
    record DataKey(int id, SecretKey key) {
        @Override
        public String toString() {
            return "DataKey[" + id + "]";
        }
    }

    private record Ring(MasterKey current, Map<String, MasterKey> all) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final VaultProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<Integer, SecretKey> unwrapped = new ConcurrentHashMap<>();
    private volatile Ring ring;

    VaultKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, VaultProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.clock = clock;
    }

    /** The master keys, read from their files on first use. */
    private Ring ring() {
        Ring r = ring;
        if (r == null) {
            String reference = properties
                    .masterKeyReference()
                    .orElseThrow(() -> new VaultUnavailableException(
                            "the My Number vault has no master key: set kenpo.mynumber.master-key (see the README)"));
            MasterKey current = MasterKey.load(reference, properties.keystorePassword());
            var all = new LinkedHashMap<String, MasterKey>();
            all.put(current.id(), current);
            for (String previous : properties.previousMasterKeys()) {
                MasterKey k = MasterKey.load(previous, properties.keystorePassword());
                all.putIfAbsent(k.id(), k);
            }
            r = new Ring(current, Map.copyOf(all));
            ring = r;
        }
        return r;
    }

    String currentMasterKeyId() {
        return ring().current().id();
    }

    /** The data key new numbers are sealed with: the newest, created on first use. */
    DataKey currentDataKey() {
        Integer id = newestDataKey();
        if (id == null) {
            id = createUnlessThere(this::newestDataKey, "DATA");
        }
        return new DataKey(id, key(id));
    }

    /** The key of the lookup HMAC (one number, one member), created on first use. */
    SecretKey lookupKey() {
        Integer id = lookupKeyId();
        if (id == null) {
            id = createUnlessThere(this::lookupKeyId, "LOOKUP");
        }
        return key(id);
    }

    private Integer newestDataKey() {
        return jdbc.query("select max(id) from vault_key where kind = 'DATA'", rs -> {
            rs.next();
            return (Integer) rs.getObject(1, Integer.class);
        });
    }

    private Integer lookupKeyId() {
        return jdbc.queryForList("select id from vault_key where kind = 'LOOKUP'", Integer.class).stream()
                .findFirst()
                .orElse(null);
    }

    /**
     * The key that {@code existing} finds, created if there is none. Creators take turns on the lock
     * row (threads of this process and other processes alike), so the second finds the first's key
     * instead of making another; the key commits in a transaction of its own before anything is
     * sealed with it, whatever becomes of the caller's transaction.
     */
    private int createUnlessThere(Supplier<Integer> existing, String kind) {
        return ownTransaction.execute(status -> {
            jdbc.queryForObject("select id from vault_key_lock where id = 1 for update", Integer.class);
            Integer id = existing.get();
            return id != null ? id : create(kind);
        });
    }

    /** A stored key, unwrapped with whichever configured master key wraps it. */
    SecretKey key(int id) {
        SecretKey cached = unwrapped.get(id);
        if (cached != null) {
            return cached;
        }
        var row = jdbc.queryForMap("select kind, master_key_id, wrapped from vault_key where id = ?", id);
        MasterKey master = masterKey((String) row.get("master_key_id"));
        Gcm.Sealed sealed = Gcm.split((byte[]) row.get("wrapped"));
        byte[] bytes =
                new Gcm().open(master.key(), sealed.nonce(), sealed.ciphertext(), associated((String) row.get("kind")));
        SecretKey key = new SecretKeySpec(bytes, "AES");
        unwrapped.put(id, key);
        return key;
    }

    private MasterKey masterKey(String id) {
        MasterKey k = ring().all().get(id);
        if (k == null) {
            throw new VaultUnavailableException(
                    "a vault key is wrapped by master key " + id + ", which is not configured: "
                            + "add its file to kenpo.mynumber.previous-master-keys until `./kenpo mynumber rewrap` has run");
        }
        return k;
    }

    private int create(String kind) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        MasterKey master = ring().current();
        byte[] wrapped = Gcm.join(new Gcm().seal(master.key(), bytes, associated(kind), random));
        // the id is the insert's own: a read-back (max(id)) could find another creator's key and
        // cache these bytes under its id, and numbers sealed so would not open after a restart
        var generated = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var insert = connection.prepareStatement(
                            "insert into vault_key (kind, master_key_id, wrapped, created_at, lookup_slot) values (?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    insert.setString(1, kind);
                    insert.setString(2, master.id());
                    insert.setBytes(3, wrapped);
                    insert.setObject(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    if ("LOOKUP".equals(kind)) {
                        insert.setInt(5, 1);
                    } else {
                        insert.setNull(5, Types.SMALLINT);
                    }
                    return insert;
                },
                generated);
        int id = generated.getKey().intValue();
        unwrapped.put(id, new SecretKeySpec(bytes, "AES"));
        return id;
    }

    /**
     * Wraps every stored key that another master key wraps with the current one. The keys
     * themselves do not change, so no number is re-encrypted and running processes go on
     * with the keys they hold. Returns how many were re-wrapped.
     */
    int rewrap() {
        MasterKey current = ring().current();
        var rows = jdbc.queryForList(
                "select id, kind, master_key_id from vault_key where master_key_id <> ? for update", current.id());
        for (var row : rows) {
            int id = ((Number) row.get("id")).intValue();
            String kind = (String) row.get("kind");
            byte[] bytes = key(id).getEncoded();
            byte[] wrapped = Gcm.join(new Gcm().seal(current.key(), bytes, associated(kind), random));
            jdbc.update(
                    "update vault_key set master_key_id = ?, wrapped = ?, rewrapped_at = ? where id = ?",
                    current.id(),
                    wrapped,
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                    id);
        }
        // a recipient's STABLE pseudonym key (PPC Rules Art. 35) is wrapped like the vault's own keys
        var pseudonymKeys = jdbc.queryForList(
                "select recipient, master_key_id, wrapped from pseudonym_key where master_key_id <> ? for update",
                current.id());
        for (var row : pseudonymKeys) {
            String recipient = (String) row.get("recipient");
            String associated = pseudonymAssociated(recipient);
            byte[] bytes = unwrap((String) row.get("master_key_id"), (byte[]) row.get("wrapped"), associated);
            try {
                jdbc.update(
                        "update pseudonym_key set master_key_id = ?, wrapped = ?, rewrapped_at = ? where recipient = ?",
                        current.id(),
                        Gcm.join(new Gcm().seal(current.key(), bytes, associated, random)),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                        recipient);
            } finally {
                java.util.Arrays.fill(bytes, (byte) 0);
            }
        }
        return rows.size() + pseudonymKeys.size();
    }

    /** A new random key wrapped with the current master key: its master key's id and the wrapped bytes. */
    record Wrapped(String masterKeyId, byte[] wrapped) {}

    Wrapped wrapNew(byte[] bytes, String associated) {
        MasterKey master = ring().current();
        return new Wrapped(master.id(), Gcm.join(new Gcm().seal(master.key(), bytes, associated, random)));
    }

    /** Unwraps a key with whichever configured master key wraps it. */
    byte[] unwrap(String masterKeyId, byte[] wrapped, String associated) {
        Gcm.Sealed sealed = Gcm.split(wrapped);
        return new Gcm().open(masterKey(masterKeyId).key(), sealed.nonce(), sealed.ciphertext(), associated);
    }

    /** What a pseudonym key is bound to: its recipient, so that one recipient's key cannot pose as another's. */
    static String pseudonymAssociated(String recipient) {
        return "kenpo-pseudonym-key-v1|" + recipient;
    }

    SecureRandom random() {
        return random;
    }

    List<VaultStatus.Wrapping> wrappings() {
        String current = ring().current().id();
        var list = new ArrayList<VaultStatus.Wrapping>();
        jdbc.query("""
                select master_key_id, sum(data_keys), sum(lookup_keys), sum(pseudonym_keys)
                  from (select master_key_id, case when kind = 'DATA' then 1 else 0 end as data_keys,
                               case when kind = 'LOOKUP' then 1 else 0 end as lookup_keys, 0 as pseudonym_keys
                          from vault_key
                        union all
                        select master_key_id, 0, 0, 1 from pseudonym_key) k
                 group by master_key_id order by master_key_id""", rs -> {
            list.add(new VaultStatus.Wrapping(
                    rs.getString(1), rs.getString(1).equals(current), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
        });
        return list;
    }

    /** What a wrapped key is bound to: its kind, so that a data key cannot pose as the lookup key. */
    private static String associated(String kind) {
        return "kenpo-vault-key-v1|" + kind;
    }
}
