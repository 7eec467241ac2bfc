package jp.kenpo.privacy.claims;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The application's database with a test's hand in it: an action just before a file's register row
 * is inserted (the file changes, another import commits first), or before a batch is sent (the
 * database fails half-way).
 */
final class HookedJdbc extends JdbcTemplate {

    interface BatchHook {
        void before(String sql, List<? extends Object[]> rows);
    }

    private final Runnable beforeRegister;
    private final BatchHook beforeBatch;

    HookedJdbc(DataSource db, Runnable beforeRegister, BatchHook beforeBatch) {
        super(db);
        this.beforeRegister = beforeRegister;
        this.beforeBatch = beforeBatch;
    }

    @Override
    public int update(PreparedStatementCreator psc, KeyHolder generatedKeyHolder) {
        beforeRegister.run();
        return super.update(psc, generatedKeyHolder);
    }

    @Override
    public int[] batchUpdate(String sql, List<? extends Object[]> batchArgs, int[] argTypes) {
        beforeBatch.before(sql, batchArgs);
        return super.batchUpdate(sql, batchArgs, argTypes);
    }
}
