package org.minedecl.server.config;

import io.micronaut.context.annotation.Context;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to start on a PostgreSQL that could lose acknowledged submissions: receipts promise durability,
 * so {@code fsync} and {@code synchronous_commit} must be on (SECURITY-TESTS D2).
 */
@Context
public class DurabilityCheck {
    private static final Logger LOG = LoggerFactory.getLogger(DurabilityCheck.class);

    public DurabilityCheck(DataSource dataSource) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (!"PostgreSQL".equalsIgnoreCase(product)) {
                LOG.info("database: {} (embedded; see docs/operations.md for what it promises on power loss)",
                        product);
                return;
            }
            for (String setting : new String[] {"fsync", "synchronous_commit"}) {
                String value = show(c, setting);
                if ("off".equalsIgnoreCase(value)) {
                    throw new IllegalStateException("PostgreSQL runs with " + setting + " = off: acknowledged "
                            + "submissions could be lost. Turn it on (postgresql.conf, ALTER DATABASE or ALTER ROLE)"
                            + " and start again.");
                }
            }
            LOG.info("database: PostgreSQL with fsync and synchronous_commit on");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
