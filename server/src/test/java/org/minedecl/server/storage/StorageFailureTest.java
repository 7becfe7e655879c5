package org.minedecl.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StorageFailureTest {
    private static StorageFailure failure(Throwable cause) {
        return new StorageFailure(cause.toString(), new RuntimeException("wrapped", cause));
    }

    @Test
    void aDatabaseThatCannotBeUsedIsUnavailable() {
        assertThat(failure(new SQLException("connection refused", "08001")).unavailable()).isTrue();
        assertThat(failure(new SQLException("terminating connection due to administrator command", "57P01"))
                .unavailable()).isTrue();
        assertThat(failure(new org.h2.jdbc.JdbcSQLNonTransientConnectionException("The database has been closed",
                null, "90098", 90098, null, null)).unavailable()).isTrue();
        assertThat(failure(new IOException("No space left on device")).unavailable()).isTrue();
    }

    @Test
    void aRefusedSubmissionIsNot() {
        assertThat(failure(new SQLException("duplicate key value violates unique constraint", "23505"))
                .unavailable()).isFalse();
        assertThat(failure(new SQLException("could not serialize access", "40001")).unavailable()).isFalse();
        assertThat(new StorageFailure("the writer has stopped", null).unavailable()).isFalse();
    }
}
