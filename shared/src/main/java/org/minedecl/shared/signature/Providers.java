package org.minedecl.shared.signature;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The one BouncyCastle provider instance used for parsing, signing with soft keys and verifying. */
public final class Providers {
    private static final Provider BC = new BouncyCastleProvider();

    private Providers() {
    }

    /** BouncyCastle; not registered globally, always passed explicitly. */
    public static Provider bc() {
        return BC;
    }
}
