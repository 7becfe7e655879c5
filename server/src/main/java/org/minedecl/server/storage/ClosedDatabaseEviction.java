package org.minedecl.server.storage;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import org.minedecl.server.util.Causes;

/**
 * Tells the connection pool to drop a connection whose embedded H2 database has closed itself. H2 closes a
 * database for good when a write fails (a full disk, a failing device); its connections then answer every call
 * with "The database has been closed" (90098), an error the pool does not know as fatal, so it would keep handing
 * them out and the server would refuse every request until restarted. Dropped, they are replaced by new
 * connections, which open the database again (H2 recovers it to its last complete commit) as soon as the disk
 * allows: the server recovers by itself (SECURITY-TESTS D3). Other errors, and PostgreSQL's, keep the pool's
 * default judgement. Named in {@code application.yml} ({@code datasources.default.exception-override-class-name}).
 */
public class ClosedDatabaseEviction implements SQLExceptionOverride {
    /** H2's "The database has been closed". */
    static final int DATABASE_IS_CLOSED = 90098;
    // Not 90121 ("Database is already closed (to disable automatic closing at VM shutdown ...)"): that is the JVM
    // shutting down, when a new connection would only open the database again.
    /** H2's "General error", which is what a failed write of its store first shows as. */
    static final int GENERAL_ERROR = 50000;

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return closedOrFailedH2(e) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }

    /** Whether {@code e} is H2's: its database is closed, or a write of its store failed (and closed it). */
    public static boolean closedOrFailedH2(SQLException e) {
        return isH2(e) && (e.getErrorCode() == DATABASE_IS_CLOSED || e.getErrorCode() == GENERAL_ERROR && storeFailed(e));
    }

    private static boolean isH2(SQLException e) {
        return e.getClass().getName().startsWith("org.h2.");
    }

    private static boolean storeFailed(Throwable e) {
        return Causes.any(e, t -> t.getClass().getName().equals("org.h2.mvstore.MVStoreException")
                || t instanceof java.io.IOException);
    }
}
