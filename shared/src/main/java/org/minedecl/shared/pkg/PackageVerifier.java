package org.minedecl.shared.pkg;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The one package verifier (CONTRACTS section 3), used by {@code minedecl verify} and the server alike.
 *
 * <p>Runs the checks in order - container, manifest, CMS, certificate, binding - and stops at the first failure;
 * every check that ran is in the report with its id, and a failure carries a specific code and its contract
 * category. Nothing is fetched from the network; entry names are never used as paths.
 */
public final class PackageVerifier {
    private final VerificationPolicy policy;
    private final DelegationRegistry delegations;
    private final SignedDocument document;

    public PackageVerifier(VerificationPolicy policy) {
        this(policy, DelegationRegistry.NONE);
    }

    /** With the server's registry of consultant delegations. */
    public PackageVerifier(VerificationPolicy policy, DelegationRegistry delegations) {
        this(policy, delegations, SignedDocument.DECLARATION);
    }

    /**
     * For packages that carry {@code document}: a delegation package ({@link SignedDocument#DELEGATION}) gets the
     * same container, manifest, CMS and certificate checks, then its own document's checks.
     */
    public PackageVerifier(VerificationPolicy policy, DelegationRegistry delegations, SignedDocument document) {
        this.policy = policy;
        this.delegations = delegations;
        this.document = document;
    }

    /** The checks of a delegation package, in order (after the three of {@link ZipContainer}). */
    static final List<PackageCheck> DELEGATION_CHECKS = List.of(
            new ContainerMimetypeCheck(), new ContainerLayoutCheck(),
            new ManifestXmlCheck(), new ManifestDigestsCheck(), new ManifestCoverageCheck(),
            new CmsStructureCheck(), new CmsSignedAttributesCheck(), new CmsSignerCertificateCheck(),
            new CmsAlgorithmsCheck(), new CmsMessageDigestCheck(), new CmsSignatureCheck(),
            new CertKeyUsageCheck(), new CertValidityCheck(), new CertChainCheck(), new CertRevocationCheck(),
            new DelegationDocumentCheck(), new SignerUsccDelegationCheck());

    /**
     * The checks of a declaration package, in order (after the three of {@link ZipContainer}, the parser): one small
     * class per check, named after its id ({@code cms.signedAttributes} is {@link CmsSignedAttributesCheck}).
     */
    static final List<PackageCheck> CHECKS = List.of(
            new ContainerMimetypeCheck(), new ContainerLayoutCheck(),
            new ManifestXmlCheck(), new ManifestDigestsCheck(), new ManifestCoverageCheck(),
            new CmsStructureCheck(), new CmsEncodingCheck(), new CmsSignedAttributesCheck(),
            new CmsSignerCertificateCheck(), new CmsAlgorithmsCheck(), new CmsMessageDigestCheck(),
            new CmsSignatureCheck(),
            new CertKeyUsageCheck(), new CertValidityCheck(), new CertChainCheck(), new CertRevocationCheck(),
            new DeclarationAttachmentsCheck(), new SignerUsccCheck());

    /** Verifies a package file; never throws on hostile input, every problem is a failed check. */
    public VerificationReport verify(Path asice) {
        try (FileChannel ch = FileChannel.open(asice, StandardOpenOption.READ)) {
            return verify(ch);
        } catch (IOException e) {
            return report(List.of(ZipContainer.unreadable(e).failure().toResult()),
                    new Facts(policy, delegations, document));
        }
    }

    /**
     * Verifies the package held in an open file (all of it, from offset 0; the channel's position is neither used
     * nor moved, and the channel stays open). The server verifies its spooled uploads this way.
     */
    public VerificationReport verify(FileChannel asice) {
        Facts f = new Facts(policy, delegations, document);
        List<CheckResult> out = new ArrayList<>();
        try {
            ZipContainer.Result zip = ZipContainer.read(asice);
            if (zip.failure() != null) {
                for (String id : List.of(ZipContainer.CHECK_STRUCTURE, ZipContainer.CHECK_ENTRIES,
                        ZipContainer.CHECK_CONTENT)) {
                    if (id.equals(zip.failure().check())) {
                        out.add(zip.failure().toResult());
                        break;
                    }
                    out.add(CheckResult.pass(id, "ok"));
                }
                return report(out, f);
            }
            f.entries = zip.entries();
            f.byName = ZipContainer.index(f.entries);
            out.add(CheckResult.pass(ZipContainer.CHECK_STRUCTURE, "ZIP structure consistent"));
            out.add(CheckResult.pass(ZipContainer.CHECK_ENTRIES, f.entries.size() + " entries, names safe"));
            out.add(CheckResult.pass(ZipContainer.CHECK_CONTENT, "all entries inflate within limits, CRCs match"));
            for (PackageCheck c : document == SignedDocument.DELEGATION ? DELEGATION_CHECKS : CHECKS) {
                Failure failure;
                try {
                    failure = c.run(f);
                } catch (RuntimeException parserRefused) {
                    // a parser under this check threw on hostile bytes: this check failed, with its own code
                    failure = c.malformed();
                }
                if (failure != null) {
                    out.add(failure.toResult());
                    return report(out, f);
                }
                out.add(CheckResult.pass(c.id(), c.passDetail(f)));
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // a bug or an input we did not foresee: still a report, never a crash
            out.add(new CheckResult("verifier", false, FailureCode.VERIFIER_ERROR.name(), Category.PACKAGE_INVALID.name(),
                    "the package could not be checked: " + e.getClass().getSimpleName()));
        }
        return report(out, f);
    }

    /**
     * The {@link SignedContentKey} of a package that was accepted before such keys were stored (the server's
     * backfill): read by the same parser and checks as {@link #verify}, as far as the CMS structure - the manifest
     * and the one signer's signature value; nothing about trust is asked again. Empty when the package does not read
     * that far.
     */
    public static java.util.Optional<String> signedContentKey(FileChannel asice) {
        Facts f = new Facts(new VerificationPolicy(List.of(), List.of(), java.time.Instant.EPOCH),
                DelegationRegistry.NONE, SignedDocument.DECLARATION);
        try {
            ZipContainer.Result zip = ZipContainer.read(asice);
            if (zip.failure() != null) {
                return java.util.Optional.empty();
            }
            f.entries = zip.entries();
            f.byName = ZipContainer.index(f.entries);
            for (PackageCheck c : List.of(new ContainerMimetypeCheck(), new ContainerLayoutCheck(),
                    new CmsStructureCheck())) {
                if (c.run(f) != null) {
                    return java.util.Optional.empty();
                }
            }
            return java.util.Optional.of(SignedContentKey.of(f.manifest, f.signerInfo));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return java.util.Optional.empty();
        }
    }

    private static VerificationReport report(List<CheckResult> out, Facts f) {
        return new VerificationReport(List.copyOf(out), f.declaration, f.signer, f.signingTime,
                f.parsedDeclaration, f.manifest == null || f.signerInfo == null ? null
                : SignedContentKey.of(f.manifest, f.signerInfo));
    }
}
