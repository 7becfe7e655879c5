package org.minedecl.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.List;
import org.minedecl.shared.pkg.PackageAttachment;
import org.minedecl.shared.testpki.TestPki;

/**
 * Real signed packages for the server tests, made with shared's test PKI (EC P-256): the server trusts the test
 * root through its trust directory, which also holds fresh CRLs (one PEM, one DER) as of now.
 */
public final class SignedPackages {
    private final TestPki pki = TestPki.get(TestPki.KeyAlg.EC);
    private final TestPki.Leaf leaf = pki.leaf().build();
    private final Path work;
    private final List<PackageAttachment> attachments;

    public SignedPackages(Path work) {
        this(work, 0);
    }

    /** With {@code licenceScanBytes > 0} the mining-licence scan is that many random (incompressible) bytes. */
    public SignedPackages(Path work, int licenceScanBytes) {
        try {
            this.work = Files.createDirectories(work);
            this.attachments = TestPki.exampleAttachments(work.resolve("attachments"));
            if (licenceScanBytes > 0) {
                byte[] scan = new byte[licenceScanBytes];
                new java.util.Random(7).nextBytes(scan);
                Files.write(attachments.get(0).file(), scan);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs straight into a file (large packages stay out of the heap). */
    public Path signTo(Declarations d, Path out) {
        return TestPki.signedPackage(out, leaf, d.json().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                attachments);
    }

    /** Writes the trust anchor and current CRLs into {@code trustDir}. */
    public void installTrust(Path trustDir) {
        try {
            Files.createDirectories(trustDir);
            TestPki.writePem(trustDir.resolve("test-root.pem"), pki.root().cert());
            List<X509CRL> crls = pki.freshCrls(Instant.now());
            TestPki.writePem(trustDir.resolve("root.crl"), crls.get(0));
            Files.write(trustDir.resolve("issuing.crl"), crls.get(1).getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public TestPki pki() {
        return pki;
    }

    public TestPki.Leaf leaf() {
        return leaf;
    }

    /** The declaration signed by the example enterprise, with the example's attachments. */
    public byte[] sign(Declarations d) {
        return sign(d.json().getBytes(java.nio.charset.StandardCharsets.UTF_8), leaf);
    }

    /** A delegation/1 package of {@code delegation}, signed by {@code signer}. */
    public byte[] delegation(org.minedecl.shared.delegation.Delegation delegation, TestPki.Leaf signer) {
        try {
            Path out = Files.createTempFile(work, "grant", ".asice");
            new org.minedecl.shared.pkg.PackageWriter(java.time.Clock.systemUTC()).write(
                    org.minedecl.shared.pkg.SignedDocument.DELEGATION,
                    org.minedecl.shared.delegation.DelegationDocument.write(delegation), List.of(), signer.credential(),
                    null, out, null);
            byte[] bytes = Files.readAllBytes(out);
            Files.delete(out);
            return bytes;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] sign(byte[] declaration, TestPki.Leaf signer) {
        try {
            Path out = Files.createTempFile(work, "pkg", ".asice");
            TestPki.signedPackage(out, signer, declaration, attachments);
            byte[] bytes = Files.readAllBytes(out);
            Files.delete(out);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
