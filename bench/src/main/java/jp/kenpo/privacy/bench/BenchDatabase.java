package jp.kenpo.privacy.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A PostgreSQL database on the local server (127.0.0.1:5432 unless {@code -Dbench.pg.url}): a fresh
 * one, created for one benchmark run and dropped after it; or, with {@code -Dbench.pg.keep=NAME}, a
 * kept one, created on first use and reused, because importing a million members' year takes longer
 * than the benchmark that reads it.
 */
public final class BenchDatabase implements AutoCloseable {

    private final String admin;
    private final String user;
    private final String name;
    private final boolean kept;

    public BenchDatabase(String purpose) throws SQLException {
        this.admin = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        this.user = System.getProperty("bench.pg.user", "postgres");
        String keep = System.getProperty("bench.pg.keep", "");
        this.kept = !keep.isBlank();
        if (kept && !keep.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("bench.pg.keep must be a lower-case database name");
        }
        this.name = kept ? keep : "kenpo_bench_" + purpose + "_" + Long.toString(System.currentTimeMillis(), 36);
        try (Connection c = DriverManager.getConnection(admin, user, "")) {
            var exists = c.prepareStatement("select 1 from pg_database where datname = ?");
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("create database " + name);
            }
        }
    }

    public String url() {
        return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
    }

    public String user() {
        return user;
    }

    /** Whether this database outlives the run ({@code -Dbench.pg.keep}). */
    public boolean kept() {
        return kept;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() throws SQLException {
        if (kept) {
            return;
        }
        try (Connection c = DriverManager.getConnection(admin, user, "")) {
            c.createStatement().execute("drop database if exists " + name + " with (force)");
        }
    }
}
