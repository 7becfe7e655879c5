package org.minedecl.server.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.minedecl.server.config.ServerSettings;
import org.minedecl.shared.testpki.TestPki.KeyAlg;
import org.minedecl.shared.testpki.TestPki;

class TrustStoreTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(KeyAlg.class)
    void aRootOfEveryAlgorithmInTheTrustDirectoryBecomesATrustAnchor(KeyAlg alg) throws Exception {
        Path trust = Files.createDirectories(dir.resolve("trust"));
        TestPki pki = TestPki.get(alg);
        TestPki.writePem(trust.resolve("root.pem"), pki.root().cert());
        Files.writeString(trust.resolve("junk.pem"), "not a certificate");

        TrustStore store = new TrustStore(new ServerSettings(dir.toString(), null, 1024, "Asia/Shanghai",
                null, null, 64, 0, null, null, 3600));

        assertThat(store.current().anchors()).containsExactly(pki.root().cert());
    }
}
