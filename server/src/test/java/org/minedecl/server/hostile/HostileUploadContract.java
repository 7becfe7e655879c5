package org.minedecl.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minedecl.server.support.Api;
import org.minedecl.server.support.Declarations;
import org.minedecl.server.submission.UploadSpooler;
import org.minedecl.server.support.Leftovers;
import org.minedecl.server.support.Rows;
import org.minedecl.server.support.SignedPackages;
import org.minedecl.server.support.TestData;
import org.minedecl.shared.pkg.FailureCode;
import org.minedecl.shared.testpki.TestPki;

/**
 * SECURITY-TESTS B (container), C1 (size), C2 (slow clients), C3 (JSON bombs) and C6 (replays) through the
 * real HTTP API: every hostile upload gets its 4xx and code, and afterwards the database holds no new row and
 * the data directory no temp file. Prints how many hostile inputs were tried. Runs on H2
 * ({@link HostileUploadH2Test}) and PostgreSQL ({@link HostileUploadPostgresTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileUploadContract implements TestPropertyProvider {
    private static final long LIMIT = 4L << 20;
    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;
    @Inject
    UploadSpooler spooler;
    Path dataDir;
    SignedPackages packages;
    int tried;
    int asExpected;

    Map<String, String> commonProperties() {
        TestData data = TestData.create("minedecl-hostile");
        dataDir = data.dataDir();
        packages = data.packages();
        return Map.of("minedecl.data-dir", dataDir.toString(), "minedecl.max-upload-bytes", String.valueOf(LIMIT),
                "micronaut.server.port", "-1", "micronaut.server.read-idle-timeout", "2s",
                "micronaut.server.idle-timeout", "3s");
    }

    @AfterAll
    void report() {
        System.out.println("HOSTILE UPLOADS (" + getClass().getSimpleName() + "): tried " + tried
                + ", refused by the expected check with its code and the expected status "
                + asExpected + ", stored 0 (row counts and temp files checked after each)");
    }

    // ---- package surgery -------------------------------------------------------------------------------------

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    /** Writes entries in order; {@code mimetype} stored unless {@code compressMimetype}. */
    private static byte[] zip(Map<String, byte[]> entries, boolean compressMimetype) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                if (e.getKey().equals("mimetype") && !compressMimetype) {
                    z.setMethod(ZipEntry.STORED);
                    z.setSize(e.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    z.setCrc(crc.getValue());
                }
                out.putNextEntry(z);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private byte[] good() {
        return packages.sign(Declarations.example());
    }

    private byte[] edited(UnaryOperator<Map<String, byte[]>> edit) throws IOException {
        return zip(edit.apply(new LinkedHashMap<>(entries(good()))), false);
    }

    private static byte[] replaceAll(byte[] hay, byte[] from, byte[] to) {
        byte[] out = hay.clone();
        for (int i = 0; i + from.length <= out.length; i++) {
            boolean match = true;
            for (int j = 0; j < from.length && match; j++) {
                match = out[i + j] == from[j];
            }
            if (match) {
                System.arraycopy(to, 0, out, i, to.length);
            }
        }
        return out;
    }

    /** Sets general-purpose flag bits on every local and central header. */
    private static byte[] withFlag(byte[] zip, int bit) {
        byte[] out = zip.clone();
        for (int i = 0; i + 10 < out.length; i++) {
            if (out[i] == 'P' && out[i + 1] == 'K' && out[i + 2] == 3 && out[i + 3] == 4) {
                out[i + 6] |= (byte) bit;
            } else if (out[i] == 'P' && out[i + 1] == 'K' && out[i + 2] == 1 && out[i + 3] == 2) {
                out[i + 8] |= (byte) bit;
            }
        }
        return out;
    }

    private static Map<String, byte[]> with(Map<String, byte[]> m, String name, byte[] content) {
        m.put(name, content);
        return m;
    }

    private static Map<String, byte[]> mimetypeLast(Map<String, byte[]> m) {
        byte[] mt = m.remove("mimetype");
        m.put("mimetype", mt);
        return m;
    }

    private static byte[] zeros(int n) {
        return new byte[n];
    }

    // ---- the check -------------------------------------------------------------------------------------------

    /**
     * A refused package: refused by {@code check} - the check that is about the case, so that a package refused early
     * for an unrelated reason cannot hide a gap behind it - with {@code code}; the answer's {@code code} is that
     * code's category, 400 for PACKAGE_INVALID and 422 for the signature and certificate categories; nothing stored.
     */
    private void expect(String name, byte[] body, String check, String code) throws IOException {
        Map<String, Long> before = Rows.all(dataSource);
        Api.Answer a = new Api(server.getURI()).upload(body);
        tried++;
        String category = FailureCode.valueOf(code).category().name();
        com.fasterxml.jackson.databind.JsonNode failed = a.json().path("checks").path(0);
        assertThat(List.of(failed.path("check").asText(), failed.path("code").asText(), a.code()))
                .as(name + ": " + a.text()).containsExactly(check, code, category);
        assertThat(a.status()).as(name + ": " + a.text()).isEqualTo("PACKAGE_INVALID".equals(category) ? 400 : 422);
        assertThat(a.contentType()).as(name).startsWith("application/problem+json");
        assertThat(a.text()).as(name).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Rows.all(dataSource)).as(name).isEqualTo(before);
        assertThat(Leftovers.of(dataDir)).as(name).isEqualTo(Leftovers.NONE);
        asExpected++;
        System.out.println("  " + name + " -> " + a.status() + " " + a.code() + " (" + check + " " + code + ")");
    }

    /** The check and code expected for each hostile container of {@link #brokenContainersAreRefusedWith400PackageInvalidAndNothingIsStored}. */
    private static String[] expected(String name) {
        if (name.startsWith("B3 zip slip")) {
            return new String[] {"container.entries", "ZIP_SLIP"};
        }
        return switch (name) {
            case "B1 changed declaration", "B1 changed attachment" -> new String[] {"manifest.digests", "DIGEST_MISMATCH"};
            case "B1 removed attachment" -> new String[] {"manifest.digests", "MANIFEST_REFERENCE_MISSING"};
            case "B1 extra unlisted file" -> new String[] {"manifest.coverage", "UNLISTED_FILE"};
            case "B1 removed signature" -> new String[] {"container.layout", "SIGNATURE_MISSING"};
            case "B2 mimetype missing" -> new String[] {"container.mimetype", "MIMETYPE_MISSING"};
            case "B2 mimetype compressed" -> new String[] {"container.mimetype", "MIMETYPE_COMPRESSED"};
            case "B2 mimetype not first" -> new String[] {"container.mimetype", "MIMETYPE_NOT_FIRST"};
            case "B2 mimetype wrong" -> new String[] {"container.mimetype", "MIMETYPE_WRONG"};
            case "B4 zip bomb" -> new String[] {"container.content", "ZIP_BOMB_RATIO"};
            case "B5 case-variant duplicate" -> new String[] {"container.entries", "DUPLICATE_ENTRY"};
            case "B6 bytes prepended" -> new String[] {"container.structure", "ZIP_PREPENDED_DATA"};
            case "B6 bytes appended" -> new String[] {"container.structure", "ZIP_TRAILING_DATA"};
            case "B6 truncated", "not a zip" -> new String[] {"container.structure", "ZIP_MALFORMED"};
            case "B7 encrypted flag" -> new String[] {"container.entries", "ENTRY_ENCRYPTED"};
            case "B8 non-UTF-8 name" -> new String[] {"container.entries", "ENTRY_NAME_NOT_UTF8"};
            case "only a mimetype" -> new String[] {"container.layout", "DECLARATION_MISSING"};
            default -> throw new AssertionError("no expected check for " + name);
        };
    }

    @Test
    void brokenContainersAreRefusedWith400PackageInvalidAndNothingIsStored() throws Exception {
        byte[] mt = "application/vnd.etsi.asic-e+zip".getBytes(StandardCharsets.US_ASCII);
        Map<String, byte[]> cases = new LinkedHashMap<>();
        // B1: changed, removed, extra data files
        cases.put("B1 changed declaration", edited(m -> with(m, "declaration.json",
                Declarations.example().declarantName("X").json().getBytes(StandardCharsets.UTF_8))));
        cases.put("B1 changed attachment", edited(m -> with(m, "attachments/mining-licence.pdf", zeros(10))));
        cases.put("B1 removed attachment", edited(m -> {
            m.remove("attachments/mining-licence.pdf");
            return m;
        }));
        cases.put("B1 extra unlisted file", edited(m -> with(m, "attachments/extra.pdf", zeros(10))));
        cases.put("B1 removed signature", edited(m -> {
            m.remove("META-INF/signature.p7s");
            return m;
        }));
        // B2: mimetype
        cases.put("B2 mimetype missing", edited(m -> {
            m.remove("mimetype");
            return m;
        }));
        cases.put("B2 mimetype compressed", zip(entries(good()), true));
        cases.put("B2 mimetype not first", edited(HostileUploadContract::mimetypeLast));
        cases.put("B2 mimetype wrong", edited(m -> with(m, "mimetype", "application/zip".getBytes())));
        // B3: zip slip
        for (String evil : List.of("../x", "/abs", "C:\\x", "..\\x", "attachments/../../x")) {
            cases.put("B3 zip slip " + evil, edited(m -> with(m, evil, zeros(4))));
        }
        // B4: a zip bomb (64 MiB of zeros deflate to ~64 KiB)
        cases.put("B4 zip bomb", edited(m -> with(m, "attachments/bomb.bin", zeros(64 << 20))));
        // B5: names differing in case
        cases.put("B5 case-variant duplicate", edited(m -> with(m, "Declaration.json", m.get("declaration.json"))));
        // B6: bytes prepended, appended
        byte[] g = good();
        byte[] prepended = new byte[g.length + 16];
        System.arraycopy(g, 0, prepended, 16, g.length);
        cases.put("B6 bytes prepended", prepended);
        byte[] appended = java.util.Arrays.copyOf(g, g.length + 16);
        cases.put("B6 bytes appended", appended);
        cases.put("B6 truncated", java.util.Arrays.copyOf(g, g.length / 2));
        // B7: encrypted entries
        cases.put("B7 encrypted flag", withFlag(good(), 1));
        // B8: a name that is not UTF-8 (same length, so the headers stay consistent)
        cases.put("B8 non-UTF-8 name", replaceAll(good(), "attachments/mining-licence.pdf".getBytes(),
                "attachments/mining-licenc\u00c3(.pdf".getBytes(StandardCharsets.ISO_8859_1)));
        // not a zip at all
        cases.put("not a zip", "hello".getBytes());
        cases.put("only a mimetype", zip(Map.of("mimetype", mt), false));
        for (Map.Entry<String, byte[]> c : cases.entrySet()) {
            String[] e = expected(c.getKey());
            expect(c.getKey(), c.getValue(), e[0], e[1]);
        }
    }

    @Test
    void foreignSignersAreRefusedWith422AndTheirCode() throws Exception {
        TestPki other = TestPki.other(TestPki.KeyAlg.EC);
        byte[] untrusted = packages.sign(Declarations.example().json().getBytes(StandardCharsets.UTF_8),
                other.leaf().build());
        expect("A8 untrusted root", untrusted, "cert.chain", "CHAIN_UNTRUSTED");
        // a well-formed code of another enterprise (a bad check character would be refused as invalid first)
        String someoneElse = "91110000100000000" + org.minedecl.shared.declaration.Uscc.checkCharacter(
                "91110000100000000");
        TestPki.Leaf wrongUscc = packages.pki().leaf().uscc(someoneElse, TestPki.UsccPlacement.ORGANIZATION_IDENTIFIER)
                .build();
        byte[] mismatch = packages.sign(Declarations.example().json().getBytes(StandardCharsets.UTF_8), wrongUscc);
        expect("A10 USCC of someone else", mismatch, "signer.uscc", "SIGNER_MISMATCH");
        TestPki.Leaf badUscc = packages.pki().leaf().uscc("91110000100000000A",
                TestPki.UsccPlacement.ORGANIZATION_IDENTIFIER).build();
        expect("A10 USCC with a bad check character", packages.sign(Declarations.example().json()
                .getBytes(StandardCharsets.UTF_8), badUscc), "signer.uscc", "SIGNER_USCC_INVALID");
    }

    /**
     * The verifier reads declaration.json for the signer binding, so a JSON bomb is refused there already: 400
     * {@code JSON_LIMIT_EXCEEDED}, the failed check naming the limit.
     */
    @Test
    void jsonBombsInsideAValidSignatureAreRefusedWithNothingStored() throws Exception {
        Map<String, String> bombs = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        bombs.put("C3 deep nesting", "[".repeat(5000) + "]".repeat(5000));
        expected.put("C3 deep nesting", "declaration.attachments JSON_TOO_DEEP");
        bombs.put("C3 huge number", "{\"schema\":\"mine-declaration/1\",\"x\":" + "9".repeat(100_000) + "}");
        // Jackson's text buffer stops 100,000 digits at the string limit before the number limit is looked at
        expected.put("C3 huge number", "declaration.attachments (JSON_NUMBER_TOO_LONG|JSON_STRING_TOO_LONG)");
        bombs.put("C3 huge string", "{\"schema\":\"" + "a".repeat(900_000) + "\"}");
        expected.put("C3 huge string", "declaration.attachments JSON_STRING_TOO_LONG");
        StringBuilder keys = new StringBuilder("{");
        for (int i = 0; i < 50_000; i++) {
            keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":0");
        }
        bombs.put("C3 many keys", keys.append("}").toString());
        expected.put("C3 many keys", "declaration.attachments JSON_TOO_MANY_TOKENS");
        bombs.put("C3 duplicate keys", "{\"schema\":\"mine-declaration/1\",\"schema\":\"mine-declaration/1\"}");
        expected.put("C3 duplicate keys", "declaration.attachments JSON_DUPLICATE_KEY");
        bombs.put("C3 over the document limit", "{\"schema\":\"" + "a".repeat(1_100_000) + "\"}");
        expected.put("C3 over the document limit", "container.content JSON_TOO_LARGE");
        for (Map.Entry<String, String> b : bombs.entrySet()) {
            byte[] pkg = packages.sign(b.getValue().getBytes(StandardCharsets.UTF_8), packages.leaf());
            Map<String, Long> before = Rows.all(dataSource);
            Api.Answer a = new Api(server.getURI()).upload(pkg);
            tried++;
            assertThat(a.status()).as(b.getKey() + ": " + a.text()).isEqualTo(400);
            assertThat(a.code()).as(b.getKey()).isEqualTo("JSON_LIMIT_EXCEEDED");
            // the check that reads declaration.json (or caps its size) refuses it, naming the limit
            assertThat(a.json().path("checks").path(0).path("check").asText() + " "
                    + a.json().path("checks").path(0).path("code").asText()).as(b.getKey())
                    .matches(expected.get(b.getKey()));
            assertThat(Rows.all(dataSource)).isEqualTo(before);
            assertThat(Leftovers.of(dataDir)).isEqualTo(Leftovers.NONE);
            asExpected++;
            System.out.println("  " + b.getKey() + " -> " + a.status() + " " + a.code() + " ("
                    + a.json().path("checks").path(0).path("check").asText() + " "
                    + a.json().path("checks").path(0).path("code").asText() + ")");
        }
    }

    @Test
    void aLyingContentLengthIs413BeforeTheBodyAndAShortBodyIsRefusedWithNothingStored() throws Exception {
        Map<String, Long> before = Rows.all(dataSource);
        String huge = raw("POST /api/v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: 1000000000000\r\nConnection: close\r\n\r\n", new byte[1000], false);
        tried++;
        assertThat(huge).startsWith("HTTP/1.1 413").contains("PAYLOAD_TOO_LARGE");
        asExpected++;
        String shortBody = raw("POST /api/v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream"
                + "\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n", good(), true);
        tried++;
        assertThat(shortBody).doesNotStartWith("HTTP/1.1 2").doesNotStartWith("HTTP/1.1 5");
        asExpected++;
        Thread.sleep(500);
        assertThat(Rows.all(dataSource)).isEqualTo(before);
        assertThat(Leftovers.of(dataDir)).isEqualTo(Leftovers.NONE);
    }

    @Test
    void aSlowClientIsClosedByTheIdleTimeoutWhileOthersAreServed() throws Exception {
        Map<String, Long> before = Rows.all(dataSource);
        try (Socket slow = new Socket(server.getHost(), server.getPort())) {
            slow.setSoTimeout(15_000);
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[100]);
            out.flush();
            // meanwhile someone else uploads normally
            Api.Answer other = new Api(server.getURI()).upload(packages.sign(Declarations.example()));
            assertThat(other.status()).isEqualTo(201);
            long start = System.nanoTime();
            int read = slow.getInputStream().read(new byte[4096]);
            long waited = (System.nanoTime() - start) / 1_000_000;
            tried++;
            // either an answer (4xx) or a closed connection, within the idle timeout, never a stored row
            assertThat(waited).isLessThan(12_000);
            assertThat(read).isNotZero();
            asExpected++;
        }
        Thread.sleep(500);
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM submission")).isEqualTo(before.get("submission") + 1);
        assertThat(Leftovers.of(dataDir)).isEqualTo(Leftovers.NONE);
    }

    @Test
    void aReplayIs200WithTheOriginalReceiptAndNoSecondRow() throws Exception {
        byte[] pkg = packages.sign(Declarations.example());
        Api api = new Api(server.getURI());
        Api.Answer first = api.upload(pkg);
        Map<String, Long> before = Rows.all(dataSource);

        Api.Answer replay = api.upload(pkg);
        tried++;

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("signedReceipt")).isEqualTo(first.json().path("signedReceipt"));
        assertThat(Rows.all(dataSource)).isEqualTo(before);
        asExpected++;
    }

    @Test
    void anUnwritableUploadDirectoryIs503WithNothingStoredAndTheServerRecoversByItself() throws Exception {
        Path tmp = dataDir.resolve("tmp");
        Map<String, Long> before = Rows.all(dataSource);
        byte[] pkg = packages.sign(Declarations.example());
        synchronized (this) {
            spooler.close(); // no emptied spool file left to reuse: the next upload needs a new temp file
            Files.delete(tmp);
            Files.writeString(tmp, "not a directory: every temp file fails like a full disk would");
            try {
                Api.Answer a = new Api(server.getURI()).upload(pkg);
                tried++;
                assertThat(a.status()).isEqualTo(503);
                assertThat(a.code()).isEqualTo("STORAGE_UNAVAILABLE");
                assertThat(Rows.all(dataSource)).isEqualTo(before);
                asExpected++;
            } finally {
                Files.delete(tmp);
                Files.createDirectories(tmp);
            }
        }
        assertThat(new Api(server.getURI()).upload(pkg).status()).isEqualTo(201);
    }

    /** Sends raw bytes; with {@code closeAfter} the socket's output is shut after them. Returns the answer. */
    private String raw(String head, byte[] body, boolean closeAfter) throws IOException {
        try (Socket s = new Socket(server.getHost(), server.getPort())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
                if (closeAfter) {
                    s.shutdownOutput();
                }
            } catch (IOException closedEarly) {
                // the server may answer and close before the body is sent
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (IOException reset) {
                // a reset after the answer is fine
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
