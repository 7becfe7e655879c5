package org.minedecl.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.SQLExceptionOverride.Override;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class ClosedDatabaseEvictionTest {
    private final ClosedDatabaseEviction eviction = new ClosedDatabaseEviction();

    @Test
    void aConnectionToAnH2DatabaseThatClosedItselfIsDropped() {
        // what every call on such a connection throws once a failed write has closed the database (see DiskFullIT)
        SQLException closed = new org.h2.jdbc.JdbcSQLNonTransientConnectionException("The database has been closed",
                null, "90098", ClosedDatabaseEviction.DATABASE_IS_CLOSED, null, null);
        assertThat(eviction.adjudicate(closed)).isEqualTo(Override.MUST_EVICT);
    }

    @Test
    void aDatabaseShutDownOnPurposeIsLeftToThePool() throws SQLException {
        // SHUTDOWN (or the JVM's shutdown hook): a new connection would only open the database again
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:closed-eviction", "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
            SQLException closed = catchThrowableOfType(() -> c.createStatement().execute("SELECT 1"),
                    SQLException.class);
            assertThat(closed.getErrorCode()).isEqualTo(90121);
            assertThat(eviction.adjudicate(closed)).isEqualTo(Override.CONTINUE_EVICT);
        }
    }

    @Test
    void otherErrorsKeepThePoolsOwnJudgement() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:other-errors", "sa", "");
             Statement s = c.createStatement()) {
            SQLException syntax = catchThrowableOfType(() -> s.execute("SELEKT 1"), SQLException.class);
            assertThat(eviction.adjudicate(syntax)).isEqualTo(Override.CONTINUE_EVICT);
        }
        // PostgreSQL's (and any other driver's) errors, even with H2's numbers, are not H2's
        assertThat(eviction.adjudicate(new SQLException("connection lost", "08006", 90098)))
                .isEqualTo(Override.CONTINUE_EVICT);
        // a general error that is no failed write of H2's store
        assertThat(eviction.adjudicate(new org.h2.jdbc.JdbcSQLNonTransientException("General error", null,
                "HY000", ClosedDatabaseEviction.GENERAL_ERROR, new IllegalStateException("x"), null)))
                .isEqualTo(Override.CONTINUE_EVICT);
    }

    @Test
    void aFailedWriteOfH2sStoreIsDropped() {
        SQLException failedWrite = new org.h2.jdbc.JdbcSQLNonTransientException("General error", null, "HY000",
                ClosedDatabaseEviction.GENERAL_ERROR, new java.io.IOException("No space left on device"), null);
        assertThat(eviction.adjudicate(failedWrite)).isEqualTo(Override.MUST_EVICT);
    }
}
