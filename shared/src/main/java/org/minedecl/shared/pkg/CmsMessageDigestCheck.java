package org.minedecl.shared.pkg;

import java.security.MessageDigest;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.minedecl.shared.signature.Providers;

/** The message-digest attribute is the digest of the manifest bytes. */
final class CmsMessageDigestCheck implements PackageCheck {
    @Override
    public String id() {
        return "cms.messageDigest";
    }

    @Override
    public Failure run(Facts f) {
        try {
            AlgorithmIdentifier alg = f.signerInfo.getDigestAlgorithmID();
            byte[] d = MessageDigest.getInstance(alg.getAlgorithm().getId(), Providers.bc()).digest(f.manifest);
            if (!MessageDigest.isEqual(d, f.messageDigest)) {
                return fail(FailureCode.MESSAGE_DIGEST_MISMATCH, "the signature was not made over this manifest");
            }
            return null;
        } catch (Exception e) {
            return fail(FailureCode.ALG_NOT_ALLOWED, "unknown digest algorithm");
        }
    }
}
