package org.minedecl.shared.receipt;

import java.security.cert.X509Certificate;
import java.util.Collection;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

/**
 * Checks a signed receipt against the server certificate the caller trusts (not against whatever certificate
 * the CMS carries): exactly one signer, signed attributes present, the signature made by that certificate's
 * key over the encapsulated receipt JSON, and the JSON a receipt.
 */
public final class ReceiptVerifier {
    /** Receipts are small; anything larger is not one of ours. */
    public static final int MAX_RECEIPT_BYTES = 4 << 20;

    private ReceiptVerifier() {
    }

    /** The outcome: {@code receipt} is set only when {@code valid}; {@code problem} says why not. */
    public record Result(boolean valid, Receipt receipt, String problem) {
        static Result invalid(String problem) {
            return new Result(false, null, problem);
        }
    }

    public static Result verify(byte[] signedReceipt, X509Certificate serverCertificate) {
        if (signedReceipt == null || signedReceipt.length == 0 || signedReceipt.length > MAX_RECEIPT_BYTES) {
            return Result.invalid("not a signed receipt (empty or too large)");
        }
        try {
            CMSSignedData cms = new CMSSignedData(signedReceipt);
            if (cms.getSignedContent() == null
                    || !CMSObjectIdentifiers.data.getId().equals(cms.getSignedContentTypeOID())) {
                return Result.invalid("the receipt carries no encapsulated content");
            }
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return Result.invalid("a receipt has exactly one signer, this one has " + signers.size());
            }
            SignerInformation signer = signers.iterator().next();
            if (signer.getSignedAttributes() == null
                    || signer.getSignedAttributes().get(CMSAttributes.messageDigest) == null) {
                return Result.invalid("the receipt signature has no signed attributes");
            }
            String digest = new DefaultAlgorithmNameFinder().getAlgorithmName(signer.getDigestAlgorithmID());
            if (!"SHA256".equalsIgnoreCase(digest.replace("-", ""))) {
                return Result.invalid("receipt digest algorithm not allowed: " + digest);
            }
            boolean ok = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(serverCertificate));
            if (!ok) {
                return Result.invalid("the receipt signature does not verify with the server certificate");
            }
            byte[] json = (byte[]) cms.getSignedContent().getContent();
            Receipt receipt = ReceiptJson.fromBytes(json);
            if (receipt.receiptId() == null || receipt.packageSha256() == null || receipt.status() == null) {
                return Result.invalid("the signed content is not a receipt");
            }
            return new Result(true, receipt, null);
        } catch (Exception e) {
            // BouncyCastle signals malformed or foreign input with a zoo of exception types: all mean "invalid".
            return Result.invalid("the receipt signature does not verify with the server certificate ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
