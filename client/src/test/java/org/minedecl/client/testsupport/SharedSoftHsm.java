package org.minedecl.client.testsupport;

import java.util.Map;
import org.minedecl.shared.testpki.SoftHsmToken;
import org.minedecl.shared.testpki.TestPki;

/**
 * One pair of SoftHSM2 tokens for every test class of the client's JVM: SoftHSM2 reads its token folder when the
 * library is initialised, and the library stays initialised in the process (SunPKCS11 and the token discovery
 * share it), so tokens made by a later test class would be invisible to it (CKR_SLOT_ID_INVALID). The first token
 * holds the EC test PKI's enterprise key as {@code enterprise}; nobody logs in to the second with the right PIN.
 */
public final class SharedSoftHsm {
    private static SoftHsmToken token;

    private SharedSoftHsm() {
    }

    /** The tokens, made on first use (or the calling test is skipped, saying why). */
    public static synchronized SoftHsmToken get() throws Exception {
        if (token == null) {
            SoftHsmToken t = SoftHsmToken.create();
            t.put(Map.of("enterprise", TestPki.get(TestPki.KeyAlg.EC).leaf().build()));
            token = t;
        }
        return token;
    }
}
