package org.minedecl.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.minedecl.shared.pkg.ForeignProducers;
import org.minedecl.shared.testpki.TestPki;

/**
 * The producer matrix through the command line: {@code minedecl verify} passes every check of a package made by
 * EU DSS, Python's zipfile, Info-ZIP, bsdtar and JSZip (docs/signatures.md), with Chinese and English output.
 */
@Tag("producers")
class ProducerMatrixCliTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @EnumSource(ForeignProducers.Producer.class)
    void minedeclVerifyPassesEveryCheckOfAForeignProducersPackage(ForeignProducers.Producer producer)
            throws Exception {
        String why = producer.unavailable().orElse(null);
        if (why != null) {
            System.out.println("producer matrix (minedecl verify): " + producer + " skipped: " + why);
        }
        Assumptions.assumeTrue(why == null, why);
        TestPki pki = TestPki.get(TestPki.KeyAlg.EC);
        Path pkg = ForeignProducers.build(producer, ForeignProducers.exampleFiles(), pki.leaf().build(),
                tmp.resolve("work"), tmp.resolve(producer + ".asice"));
        Path root = TestPki.writePem(tmp.resolve("root.pem"), pki.root().cert());
        List<String> crls = new ArrayList<>();
        int i = 0;
        for (var crl : pki.freshCrls(Instant.now())) {
            crls.add("--crl");
            crls.add(TestPki.writePem(tmp.resolve("crl" + i++ + ".pem"), crl).toString());
        }
        for (String lang : List.of("zh", "en")) {
            List<String> args = new ArrayList<>(List.of("verify", pkg.toString(), "--trust", root.toString(),
                    "--lang", lang));
            args.addAll(crls);
            CliRun v = CliRun.of(args.toArray(String[]::new));

            assertThat(v.exit()).as(producer + " " + lang + ": " + v.err() + v.out()).isEqualTo(ExitCodes.OK);
            assertThat(v.out()).doesNotContain("FAIL ").contains("PASS container.layout", "PASS manifest.digests",
                    "PASS cms.encoding", "PASS cms.signature", "PASS cert.revocation", "PASS signer.uscc",
                    "package valid");
            System.out.println("producer matrix (minedecl verify --lang " + lang + "): " + producer + ": exit "
                    + v.exit() + ", " + v.out().lines().filter(l -> l.startsWith("PASS ")).count() + " checks passed");
        }
    }

    @org.junit.jupiter.api.Test
    void aSymlinkWrittenByPythonIsRefusedWithItsCodeExplainedInChineseAndEnglish() throws Exception {
        String why = ForeignProducers.Hostile.PYTHON_SYMLINK.producer().unavailable().orElse(null);
        Assumptions.assumeTrue(why == null, why);
        TestPki pki = TestPki.get(TestPki.KeyAlg.EC);
        Path pkg = ForeignProducers.buildHostile(ForeignProducers.Hostile.PYTHON_SYMLINK,
                ForeignProducers.exampleFiles(), pki.leaf().build(), tmp.resolve("work"), tmp.resolve("h.asice"));
        Path root = TestPki.writePem(tmp.resolve("root.pem"), pki.root().cert());

        CliRun zh = CliRun.of("verify", pkg.toString(), "--trust", root.toString(), "--lang", "zh");
        CliRun en = CliRun.of("verify", pkg.toString(), "--trust", root.toString(), "--lang", "en");

        assertThat(zh.exit()).isEqualTo(ExitCodes.PACKAGE_INVALID);
        assertThat(zh.out()).contains("FAIL container.entries  ENTRY_SYMLINK (PACKAGE_INVALID)", "- 条目是符号链接");
        assertThat(en.out()).contains("FAIL container.entries  ENTRY_SYMLINK", "- an entry is a symbolic link");
    }
}
