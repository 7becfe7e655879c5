package org.minedecl.server.storage;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.minedecl.server.util.Causes;

/**
 * Transactions for the features' repositories: a read or a write runs on one connection, joins the transaction in
 * progress if there is one, and any failure of the database becomes a {@link StorageFailure} naming its root cause.
 */
@Singleton
public class Database {
    private final TransactionOperations<Connection> tx;

    public Database(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<R> {
        R run(Connection c) throws SQLException;
    }

    public <R> R read(Work<R> work) {
        try {
            return tx.executeRead(status -> work.run(status.getConnection()));
        } catch (StorageFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StorageFailure(Causes.root(e).toString(), e);
        }
    }

    public <R> R write(Work<R> work) {
        try {
            return tx.executeWrite(status -> work.run(status.getConnection()));
        } catch (StorageFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StorageFailure(Causes.root(e).toString(), e);
        }
    }

    /** Binds string arguments from parameter 1 on. */
    public static void bind(PreparedStatement ps, List<String> args) throws SQLException {
        bind(ps, 0, args);
    }

    /** Binds string arguments after the first {@code before} parameters. */
    public static void bind(PreparedStatement ps, int before, List<String> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setString(before + i + 1, args.get(i));
        }
    }

    public static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    public static Instant instant(java.sql.ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
