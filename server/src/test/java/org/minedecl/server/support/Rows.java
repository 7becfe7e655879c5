package org.minedecl.server.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;

/** Row counts straight from the database, for "nothing was stored" assertions. */
public final class Rows {
    public static final String[] TABLES = {"submission", "package_chunk", "finding", "flag", "period_filing",
        "audit_event"};

    private Rows() {
    }

    public static Map<String, Long> all(DataSource ds) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String t : TABLES) {
            out.put(t, count(ds, "SELECT COUNT(*) FROM " + t));
        }
        return out;
    }

    public static long count(DataSource ds, String sql, Object... args) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(ds).getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of {@code sql} as text (null when there is no row). */
    public static String string(DataSource ds, String sql, Object... args) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(ds).getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
