package org.minedecl.server.storage;

import java.io.IOException;
import java.sql.SQLException;
import org.minedecl.server.util.Causes;

/**
 * A failure of the database itself (including a lost race on a unique key), from any feature's storage: the one
 * error handler answers it 503 {@code STORAGE_UNAVAILABLE}.
 */
public final class StorageFailure extends RuntimeException {
    public StorageFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the database could not be used at all - unreachable or dropped connections (SQLState 08, 57P),
     * an H2 database that closed itself, a failing disk - rather than refusing this one submission (a unique
     * key, a lock): then looking again for the row that won a race is pointless.
     */
    public boolean unavailable() {
        return Causes.any(getCause(), t -> t instanceof IOException
                || t instanceof SQLException e && (ClosedDatabaseEviction.closedOrFailedH2(e)
                || e.getSQLState() != null && (e.getSQLState().startsWith("08")
                || e.getSQLState().startsWith("57P"))));
    }
}
