package org.minedecl.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Scratch databases on the PostgreSQL at 127.0.0.1:5432 (trust auth, user postgres): one per test class,
 * dropped afterwards. Unreachable: the test fails when {@code MINEDECL_REQUIRE_POSTGRES=true} (CI), otherwise it
 * is skipped with the reason printed.
 */
public final class Postgres {
    public static final String HOST_URL = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String USER = "postgres";

    private Postgres() {
    }

    /** Creates a scratch database and returns its name; skips or fails the test when PostgreSQL is missing. */
    public static String createScratch() {
        String name = "minedecl_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            return name;
        } catch (SQLException e) {
            String reason = "PostgreSQL at 127.0.0.1:5432 unreachable (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("MINEDECL_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(reason + " and MINEDECL_REQUIRE_POSTGRES=true", e);
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
            return null;
        }
    }

    /** {@code common} with the default datasource pointed at {@code database}. */
    public static java.util.Map<String, String> datasource(java.util.Map<String, String> common, String database) {
        java.util.Map<String, String> p = new java.util.HashMap<>(common);
        p.put("datasources.default.url", url(database));
        p.put("datasources.default.username", USER);
        p.put("datasources.default.password", "");
        return p;
    }

    public static String url(String database) {
        return HOST_URL + database;
    }

    public static void execute(String sql) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static void drop(String database) {
        if (database != null) {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(HOST_URL + "test", USER, "");
    }
}
