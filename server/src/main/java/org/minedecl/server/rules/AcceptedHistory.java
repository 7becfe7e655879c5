package org.minedecl.server.rules;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.DeclarationParser;
import org.minedecl.shared.declaration.Period;
import org.minedecl.shared.rules.History;

/**
 * The server's look-up for the history rules: the accepted declarations in force (amendments replace what they
 * correct, via {@code period_filing}) of one mining licence for the quarters the rules look at
 * ({@link History#firstQuarterNeeded} up to the quarter being filed). Read only; nothing guessed: a quarter
 * never filed is simply absent.
 */
@Singleton
public class AcceptedHistory {
    private final TransactionOperations<Connection> tx;

    public AcceptedHistory(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /** The accepted earlier declarations of {@code miningLicence} that a declaration of {@code period} is checked against. */
    public History of(String miningLicence, Period period) {
        if (miningLicence == null || period == null) {
            return History.NONE;
        }
        List<String> texts = tx.executeRead(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.declaration_json FROM period_filing f "
                    + "JOIN submission s ON s.id = f.submission_id WHERE f.mining_licence = ? AND f.period >= ? "
                    + "AND f.period < ? ORDER BY f.period")) {
                ps.setString(1, miningLicence);
                ps.setString(2, History.firstQuarterNeeded(period).toString());
                ps.setString(3, period.toString());
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
        List<Declaration> declarations = new ArrayList<>(texts.size());
        for (String text : texts) {
            declarations.add(DeclarationParser.parse(text.getBytes(StandardCharsets.UTF_8)).declaration());
        }
        return History.of(declarations);
    }
}
