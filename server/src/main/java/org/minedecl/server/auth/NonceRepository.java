package org.minedecl.server.auth;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;

/** Login challenges in the {@code auth_nonce} table, shared by every instance on the same database. */
@Singleton
public class NonceRepository {
    private final TransactionOperations<Connection> tx;

    public NonceRepository(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /** Stores a new nonce, and drops those that expired before {@code now}. */
    public void insert(String nonce, Instant expiresAt, Instant now) {
        tx.executeWrite(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement del = c.prepareStatement("DELETE FROM auth_nonce WHERE expires_at < ?")) {
                del.setObject(1, now.atOffset(ZoneOffset.UTC));
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO auth_nonce (nonce, expires_at) VALUES (?, ?)")) {
                ps.setString(1, nonce);
                ps.setObject(2, expiresAt.atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Uses the nonce up: true exactly once, for the one caller whose delete removed it, and only before it expired.
     * Concurrent logins with one nonce (on any instance) get one true.
     */
    public boolean consume(String nonce, Instant now) {
        return tx.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(
                    "DELETE FROM auth_nonce WHERE nonce = ? AND expires_at >= ?")) {
                ps.setString(1, nonce);
                ps.setObject(2, now.atOffset(ZoneOffset.UTC));
                return ps.executeUpdate() == 1;
            }
        });
    }
}
