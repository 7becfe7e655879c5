package org.minedecl.server.submission;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.minedecl.server.support.Declarations;
import org.minedecl.server.support.Repackaged;
import org.minedecl.server.support.TestData;

/**
 * A data directory from before the signed-content key (its database migrated by the SQL migrations alone, up to
 * the latest, with filings whose key is empty) is opened by the server: the V11 Java migration runs although later
 * versions are already applied (out of order, as helpers' version ranges interleave), gives the first filing its
 * key, leaves a stored second copy of it and an unreadable package without one, and says so.
 */
class SignedContentKeyBackfillTest {
    @Test
    void theServerGivesFilingsStoredBeforeV10TheirKeyWhenItOpensTheirDatabase() throws Exception {
        TestData data = TestData.create("md-backfill");
        Path sql = Files.createDirectories(data.dataDir().resolveSibling(data.dataDir().getFileName() + "-sql"));
        for (String name : new String[] {"V1__submissions.sql", "V10__signed_content_key.sql",
                "V20__rule_pack_versions.sql", "V30__access.sql", "V40__review.sql"}) {
            try (var in = getClass().getResourceAsStream("/db/migration/" + name)) {
                if (in != null) {
                    Files.write(sql.resolve(name), in.readAllBytes());
                }
            }
        }
        String url = "jdbc:h2:file:" + data.dataDir().resolve("db").resolve("minedecl");
        Flyway.configure().dataSource(url, "sa", "").locations("filesystem:" + sql).load().migrate();
        byte[] pkg = data.packages().sign(Declarations.example());
        byte[] copy = Repackaged.rezipped(pkg, 3);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(version(c)).as("migrated without V11").doesNotContain("11");
            insert(c, "first", pkg, "2026-10-10T02:00:00Z");
            insert(c, "second-copy", copy, "2026-10-10T03:00:00Z");
            insert(c, "unreadable", "not a zip".getBytes(), "2026-10-10T04:00:00Z");
        }

        try (ApplicationContext server = ApplicationContext.run(Map.of("minedecl.data-dir",
                data.dataDir().toString(), "micronaut.server.port", "-1"))) {
            assertThat(server.isRunning()).isTrue();
        }

        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(version(c)).contains("11");
            assertThat(key(c, "first")).hasSize(64);
            assertThat(key(c, "second-copy")).isNull();
            assertThat(key(c, "unreadable")).isNull();
        }
    }

    private static String version(Connection c) throws Exception {
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                out.append(rs.getString(1)).append(' ');
            }
        }
        return out.toString();
    }

    private static String key(Connection c, String id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT signed_content_key FROM submission WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static void insert(Connection c, String id, byte[] pkg, String receivedAt) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO submission (id, package_sha256, package_size, "
                + "period, jurisdiction, uscc, mining_licence, status, received_at, declaration_json, receipt_json, "
                + "receipt_cms) VALUES (?, ?, ?, '2026Q3', '140525', '91140525MA0JX7RP19', ?, 'ACCEPTED', ?, '{}', "
                + "'{}', ?)")) {
            ps.setString(1, id);
            ps.setString(2, HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pkg)));
            ps.setLong(3, pkg.length);
            ps.setString(4, "LIC-" + id);
            ps.setObject(5, OffsetDateTime.parse(receivedAt).withOffsetSameInstant(ZoneOffset.UTC));
            ps.setBytes(6, new byte[] {1});
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO package_chunk (submission_id, seq, bytes) VALUES (?, 0, ?)")) {
            ps.setString(1, id);
            ps.setBytes(2, pkg);
            ps.executeUpdate();
        }
    }
}
