package jp.kenpo.privacy.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A fresh PostgreSQL database on the local server (127.0.0.1:5432 unless {@code -Dbench.pg.url}),
 * created for one benchmark run and dropped after it.
 */
public final class BenchDatabase implements AutoCloseable {

    private final String admin;
    private final String user;
    private final String name;

    public BenchDatabase(String purpose) throws SQLException {
        this.admin = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        this.user = System.getProperty("bench.pg.user", "postgres");
        this.name = "kenpo_bench_" + purpose + "_" + Long.toString(System.currentTimeMillis(), 36);
        try (Connection c = DriverManager.getConnection(admin, user, "")) {
            c.createStatement().execute("create database " + name);
        }
    }

    public String url() {
        return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
    }

    public String user() {
        return user;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(admin, user, "")) {
            c.createStatement().execute("drop database if exists " + name + " with (force)");
        }
    }
}
