package org.minedecl.server.submission;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minedecl.shared.pkg.PackageVerifier;

/**
 * The signed-content key ({@link org.minedecl.shared.pkg.SignedContentKey}) for submissions stored before the
 * column existed (migration V10): each stored package is read again, oldest first, by the verifier's own parser.
 * A second stored copy of an earlier filing (two rows with one key, possible before V10) keeps no key - the first
 * filing answers for both - and a package that cannot be read that far keeps none either; both are counted.
 */
public final class SignedContentKeyBackfill {
    private SignedContentKeyBackfill() {
    }

    /** Rows given a key, and rows left without one. */
    public record Result(int keyed, int unreadable, int duplicates) {
    }

    public static Result run(Connection c) throws SQLException, IOException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM submission WHERE signed_content_key IS NULL ORDER BY received_at, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        int keyed = 0;
        int unreadable = 0;
        int duplicates = 0;
        Path tmp = Files.createTempFile("minedecl-backfill-", ".asice");
        try {
            for (String id : ids) {
                Optional<String> key;
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    copyPackage(c, id, ch);
                    key = PackageVerifier.signedContentKey(ch);
                }
                if (key.isEmpty()) {
                    unreadable++;
                } else if (taken(c, key.get())) {
                    duplicates++;
                } else {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE submission SET signed_content_key = ? WHERE id = ?")) {
                        ps.setString(1, key.get());
                        ps.setString(2, id);
                        ps.executeUpdate();
                    }
                    keyed++;
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new Result(keyed, unreadable, duplicates);
    }

    private static void copyPackage(Connection c, String id, FileChannel out) throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT bytes FROM package_chunk WHERE submission_id = ? ORDER BY seq")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ByteBuffer b = ByteBuffer.wrap(rs.getBytes(1));
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                }
            }
        }
    }

    private static boolean taken(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM submission WHERE signed_content_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
