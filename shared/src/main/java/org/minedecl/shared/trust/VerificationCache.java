package org.minedecl.shared.trust;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Remembers the two expensive results that repeat from package to package of the same enterprise: a certificate
 * path built to a trust anchor, and a CRL's signature checked against its issuer's key. A server verifies
 * thousands of packages signed by the same few hundred certificates under the same CRLs; without this, every
 * package pays for several public-key operations it has already done.
 *
 * <p>Only successful paths are kept, under a key that is the SHA-256 of everything the path search saw (signer,
 * candidate certificates, anchors, path length), and each is used only for signing times inside the validity of
 * every certificate on it (anchor included): there the search would find a valid path again, as nothing else it
 * checks depends on the date. CRL results are kept per CRL object (the configured CRLs are the same objects from
 * package to package; held weakly) and issuer key bytes. Both maps are bounded.
 */
final class VerificationCache {
    static final int MAX_PATHS = 4096;
    static final int MAX_CRLS = 1024;
    private static final VerificationCache SHARED = new VerificationCache();

    /** A path that was built: signer first, without the anchor; valid for signing times in [from, to]. */
    record Path(List<X509Certificate> path, X509Certificate anchor, Instant from, Instant to) {
        boolean covers(Instant t) {
            return !t.isBefore(from) && !t.isAfter(to);
        }

        static Path of(List<X509Certificate> path, X509Certificate anchor) {
            Instant from = anchor.getNotBefore().toInstant();
            Instant to = anchor.getNotAfter().toInstant();
            for (X509Certificate c : path) {
                Instant nb = c.getNotBefore().toInstant();
                Instant na = c.getNotAfter().toInstant();
                from = nb.isAfter(from) ? nb : from;
                to = na.isBefore(to) ? na : to;
            }
            return new Path(List.copyOf(path), anchor, from, to);
        }
    }

    /**
     * A CRL object (held weakly: a CRL replaced in the trust directory is not kept alive by this cache, however
     * large) and the issuer key bytes it was checked against.
     */
    private static final class CrlKey {
        private final java.lang.ref.WeakReference<X509CRL> crl;
        private final int identity;
        private final ByteBuffer issuerKey;

        CrlKey(X509CRL crl, ByteBuffer issuerKey) {
            this.crl = new java.lang.ref.WeakReference<>(crl);
            this.identity = System.identityHashCode(crl);
            this.issuerKey = issuerKey;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof CrlKey k)) {
                return false;
            }
            X509CRL mine = crl.get();
            return mine != null && mine == k.crl.get() && issuerKey.equals(k.issuerKey);
        }

        @Override
        public int hashCode() {
            return identity * 31 + issuerKey.hashCode();
        }
    }

    private final Map<ByteBuffer, Path> paths = lru(MAX_PATHS);
    private final Map<CrlKey, Boolean> crls = lru(MAX_CRLS);

    static VerificationCache shared() {
        return SHARED;
    }

    /** The path for this key valid at {@code signingTime}, building (and remembering) it when there is none. */
    Path path(ByteBuffer key, Instant signingTime, Supplier<Path> build) {
        Path known;
        synchronized (paths) {
            known = paths.get(key);
        }
        if (known != null && known.covers(signingTime)) {
            return known;
        }
        Path built = build.get(); // throws when there is no path: nothing is remembered
        synchronized (paths) {
            paths.put(key, built);
        }
        return built;
    }

    /** Whether {@code crl} is signed by the key with these bytes; the check runs once per CRL object and key. */
    boolean crlSignedBy(X509CRL crl, byte[] issuerKey, BooleanSupplier check) {
        CrlKey k = new CrlKey(crl, ByteBuffer.wrap(issuerKey.clone()));
        Boolean known;
        synchronized (crls) {
            known = crls.get(k);
        }
        if (known != null) {
            return known;
        }
        boolean result = check.getAsBoolean();
        synchronized (crls) {
            crls.put(k, result);
        }
        return result;
    }

    /** The key of a path search: SHA-256 over its inputs, each length-prefixed, in order. */
    static ByteBuffer pathKey(X509Certificate signer, List<X509Certificate> candidates, List<X509Certificate> anchors,
                              int maxPath) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(ByteBuffer.allocate(4).putInt(maxPath).array());
            add(d, signer);
            d.update((byte) 1);
            for (X509Certificate c : candidates) {
                add(d, c);
            }
            d.update((byte) 2);
            for (X509Certificate a : anchors) {
                add(d, a);
            }
            return ByteBuffer.wrap(d.digest());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(MessageDigest d, X509Certificate c) throws CertificateEncodingException {
        byte[] der = c.getEncoded();
        d.update(ByteBuffer.allocate(4).putInt(der.length).array());
        d.update(der);
    }

    private static <K, V> Map<K, V> lru(int max) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        };
    }

    /** For tests: how many paths and CRL results are remembered. */
    int[] sizes() {
        synchronized (paths) {
            synchronized (crls) {
                return new int[] {paths.size(), crls.size()};
            }
        }
    }

    /** For tests: how many remembered CRL results still have their CRL alive. */
    int liveCrls() {
        synchronized (crls) {
            return (int) crls.keySet().stream().filter(k -> k.crl.get() != null).count();
        }
    }

    /** For tests. */
    void clear() {
        synchronized (paths) {
            paths.clear();
        }
        synchronized (crls) {
            crls.clear();
        }
    }

    @Override
    public String toString() {
        return "VerificationCache" + Arrays.toString(sizes());
    }
}
