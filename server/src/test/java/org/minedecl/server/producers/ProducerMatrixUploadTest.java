package org.minedecl.server.producers;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.minedecl.server.support.Api;
import org.minedecl.server.support.Declarations;
import org.minedecl.server.support.Leftovers;
import org.minedecl.server.support.Rows;
import org.minedecl.server.support.SignedPackages;
import org.minedecl.server.support.TestData;
import org.minedecl.shared.pkg.ForeignProducers;

/**
 * The producer matrix through the upload API (docs/signatures.md): a package made by EU DSS, Python's zipfile,
 * Info-ZIP, bsdtar or JSZip is accepted with 201; each hostile variant those tools can make is refused with its
 * status and code, and nothing of it is stored.
 */
@Tag("producers")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProducerMatrixUploadTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;
    Path dataDir;
    SignedPackages packages;
    int hostileTried;
    int hostileRefused;

    @Override
    public Map<String, String> getProperties() {
        TestData data = TestData.create("minedecl-producers");
        dataDir = data.dataDir();
        packages = data.packages();
        return Map.of("minedecl.data-dir", dataDir.toString(), "micronaut.server.port", "-1");
    }

    @AfterAll
    void report() {
        System.out.println("HOSTILE PRODUCER UPLOADS: tried " + hostileTried + ", refused by the expected check with its code "
                + hostileRefused + ", stored 0 (rows and temp files checked after each)");
    }

    /** The example's files with a declaration under a mining licence no other upload uses. */
    private static Map<String, byte[]> files(Declarations d) {
        Map<String, byte[]> files = new LinkedHashMap<>(ForeignProducers.exampleFiles());
        files.put("declaration.json", d.json().getBytes(StandardCharsets.UTF_8));
        return files;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ForeignProducers.Producer.class)
    void aForeignProducersPackageIsAcceptedWith201(ForeignProducers.Producer producer) throws Exception {
        String why = producer.unavailable().orElse(null);
        if (why != null) {
            System.out.println("producer matrix (upload): " + producer + " skipped: " + why);
        }
        Assumptions.assumeTrue(why == null, why);
        Declarations d = Declarations.example();
        Path work = Files.createTempDirectory("producer");
        Path pkg = ForeignProducers.build(producer, files(d), packages.leaf(), work, work.resolve("p.asice"));

        Api.Answer a = new Api(server.getURI()).upload(Files.readAllBytes(pkg));

        System.out.println("producer matrix (upload): " + producer + ": " + a.status());
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        assertThat(a.json().path("receipt").path("miningLicence").asText()).isEqualTo(d.licence());
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM submission WHERE mining_licence = ?", d.licence()))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ForeignProducers.Hostile.class)
    void aHostileVariantMadeByAForeignProducerIsRefusedAndNothingIsStored(ForeignProducers.Hostile h)
            throws Exception {
        String why = h.producer().unavailable().orElse(null);
        if (why != null) {
            System.out.println("hostile producer upload: " + h + " skipped: " + why);
        }
        Assumptions.assumeTrue(why == null, why);
        Declarations d = Declarations.example();
        Path work = Files.createTempDirectory("hostile-producer");
        Path pkg = ForeignProducers.buildHostile(h, files(d), packages.leaf(), work, work.resolve("h.asice"));
        long before = Rows.count(dataSource, "SELECT COUNT(*) FROM submission");
        hostileTried++;

        Api.Answer a = new Api(server.getURI()).upload(Files.readAllBytes(pkg));

        int expectedStatus = h.code.equals("DIGEST_MISMATCH") ? 422 : 400;
        assertThat(a.status()).as(a.text()).isEqualTo(expectedStatus);
        // the first failed check of the answer is the one that is about the variant, with its code
        assertThat(a.json().path("checks").path(0).path("check").asText() + " "
                + a.json().path("checks").path(0).path("code").asText()).as(a.text()).isEqualTo(h.check + " " + h.code);
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM submission")).isEqualTo(before);
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM submission WHERE mining_licence = ?", d.licence()))
                .isZero();
        assertThat(Leftovers.of(dataDir)).isEqualTo(Leftovers.NONE);
        hostileRefused++;
    }
}
