package org.minedecl.server.problem;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minedecl.server.support.Api;
import org.minedecl.server.support.Declarations;
import org.minedecl.server.support.Logins;
import org.minedecl.server.support.Rows;
import org.minedecl.server.support.SignedPackages;
import org.minedecl.server.support.TestData;
import org.slf4j.LoggerFactory;

/**
 * What a client sees of the server's own limits and of the framework: specific status codes, our codes, no
 * internal class names; and the data directory the server creates for its user alone (issue 15, points 3-6).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpAnswersTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;
    Path dataDir;
    SignedPackages packages;

    @Override
    public Map<String, String> getProperties() {
        TestData data = TestData.create("minedecl-answers");
        // a data directory the server creates itself, under a parent every user may enter
        dataDir = data.dataDir().resolve("data");
        try {
            Files.setPosixFilePermissions(data.dataDir(), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(dataDir);
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(data.dataDir().resolve("trust"), dataDir.resolve("trust"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        packages = data.packages();
        return Map.of("minedecl.data-dir", dataDir.toString(), "micronaut.server.port", "-1");
    }

    private Api api() {
        return new Api(server.getURI());
    }

    @Test
    void aReceiptAskedForWithOnlyThePkcs7MediaTypeIsTheDerReceipt() {
        Api.Answer created = api().upload(packages.sign(Declarations.example()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().path("receipt").path("receiptId").asText();

        // read as the enterprise that filed it (certificate login, CONTRACTS 7)
        Api reader = api().withToken(Logins.token(api(), packages.leaf()));
        Api.Answer der = reader.get("/api/v1/submissions/" + id + "/receipt", "application/pkcs7-mime");

        assertThat(der.status()).as(der.text()).isEqualTo(200);
        assertThat(der.contentType()).startsWith("application/pkcs7-mime");
        assertThat(der.body()).isEqualTo(Base64.getDecoder().decode(created.json().path("signedReceipt").asText()));
        Api.Answer json = reader.get("/api/v1/submissions/" + id + "/receipt", "application/json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().path("receipt").path("receiptId").asText()).isEqualTo(id);
    }

    @Test
    void anEmptyBodyIsTheSpoolersPackageInvalidWithAnAuditLineAndNothingStored() throws Exception {
        Map<String, Long> before = Rows.all(dataSource);
        ListAppender<ILoggingEvent> audit = auditLines();
        try {
            String answer = raw("POST /api/v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: "
                    + "application/vnd.etsi.asic-e+zip\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 400").contains("\"code\":\"PACKAGE_INVALID\"")
                    .contains("the request body is empty");
            assertThat(audit.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(l -> l.contains("upload refused") && l.contains("code=PACKAGE_INVALID")
                            && l.contains("the request body is empty"));
        } finally {
            ((Logger) LoggerFactory.getLogger("minedecl.audit")).detachAppender(audit);
        }
        assertThat(Rows.all(dataSource)).isEqualTo(before);
    }

    @Test
    void oversizedHeadersAre431AndAnOversizedUrlIs414() throws Exception {
        String bigHeader = raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Filler: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        String bigUrl = raw("GET /api/v1/submissions/" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");

        // (a request line Netty could not read is answered as HTTP/1.0: it never learnt the request's version)
        assertThat(bigHeader).matches("(?s)HTTP/1\\.[01] 431 .*").contains("\"code\":\"HEADERS_TOO_LARGE\"");
        assertThat(bigUrl).matches("(?s)HTTP/1\\.[01] 414 .*").contains("\"code\":\"URI_TOO_LONG\"");
    }

    @Test
    void anUnknownHealthSelectorOrBadParameterNamesNoInternalClass() {
        for (String path : List.of("/health/diskSpace", "/api/v1/submissions?page=x", "/api/v1/submissions?size=1e9")) {
            Api.Answer a = api().get(path);

            assertThat(a.status()).as(path + ": " + a.text()).isBetween(400, 499);
            assertThat(a.contentType()).as(path).startsWith("application/problem+json");
            assertThat(a.text()).as(path).doesNotContain("io.micronaut").doesNotContain("java.")
                    .doesNotContain("Exception").doesNotContain("enum constant");
            assertThat(a.json().path("code").asText()).as(path).isNotBlank();
        }
    }

    @Test
    void theDataDirectoryAndEverythingInItAreForTheServersUserAlone() throws Exception {
        // a stored upload: the database, the receipt key, the spool directory all exist now
        assertThat(api().upload(packages.sign(Declarations.example())).status()).isEqualTo(201);
        List<String> open = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dataDir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                boolean others = perms.stream().anyMatch(x -> x.name().startsWith("GROUP")
                        || x.name().startsWith("OTHERS"));
                if (others) {
                    open.add(dataDir.relativize(p) + " " + PosixFilePermissions.toString(perms));
                }
            }
        }

        assertThat(open).as("group or others may use these").isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("db/minedecl.mv.db"))))
                .isEqualTo("rw-------");
    }

    private static ListAppender<ILoggingEvent> auditLines() {
        ListAppender<ILoggingEvent> a = new ListAppender<>();
        a.start();
        ((Logger) LoggerFactory.getLogger("minedecl.audit")).addAppender(a);
        return a;
    }

    private String raw(String request) throws IOException {
        try (Socket s = new Socket(server.getHost(), server.getPort())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
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
