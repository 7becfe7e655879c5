package org.minedecl.shared.signature;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Where a certificate carries the enterprise's 统一社会信用代码 (CONTRACTS section 3), in this order:
 * the GM/T 0015-2012 extensions 1.2.156.10260.4.1.4 and 1.2.156.10260.4.1.3 (string value, spaces and hyphens
 * removed), the subject's organizationIdentifier (2.5.4.97, {@code NTRCN-<USCC>} or bare), the subject's
 * serialNumber (2.5.4.5). Values are taken as written (no full-width folding): the caller checks them with
 * {@link org.minedecl.shared.declaration.Uscc#isValid}.
 */
public final class SignerIdentity {
    /** GM/T 0015: 工商注册号 / 统一社会信用代码. */
    public static final ASN1ObjectIdentifier GMT0015_ICREGISTRATION = new ASN1ObjectIdentifier("1.2.156.10260.4.1.4");
    /** GM/T 0015: 组织机构代码. */
    public static final ASN1ObjectIdentifier GMT0015_ORGANIZATION_CODE = new ASN1ObjectIdentifier("1.2.156.10260.4.1.3");
    public static final ASN1ObjectIdentifier ORGANIZATION_IDENTIFIER = BCStyle.ORGANIZATION_IDENTIFIER;
    public static final ASN1ObjectIdentifier SERIAL_NUMBER = BCStyle.SERIALNUMBER;

    private SignerIdentity() {
    }

    /** One place a code was found. */
    public record Candidate(String source, String value) {
    }

    /**
     * The certificate's subject for people to read, with organizationIdentifier and serialNumber by name
     * (the JDK's form shows them as hex), e.g. {@code CN=...,organizationIdentifier=NTRCN-9114...,O=...,C=CN}.
     */
    public static String displayName(X509Certificate cert) {
        return X500Name.getInstance(BCStyle.INSTANCE, cert.getSubjectX500Principal().getEncoded()).toString();
    }

    /** Every candidate value, in the contract's order (may be empty; values not yet validated). */
    public static List<Candidate> candidates(X509Certificate cert) {
        List<Candidate> out = new ArrayList<>();
        for (ASN1ObjectIdentifier oid : new ASN1ObjectIdentifier[] {GMT0015_ICREGISTRATION, GMT0015_ORGANIZATION_CODE}) {
            byte[] ext = cert.getExtensionValue(oid.getId());
            if (ext != null) {
                String v = extensionString(ext);
                if (v != null) {
                    out.add(new Candidate("extension " + oid.getId(), v.replace(" ", "").replace("-", "")));
                }
            }
        }
        X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (ORGANIZATION_IDENTIFIER.equals(atv.getType())) {
                    String v = string(atv.getValue());
                    if (v != null) {
                        if (v.startsWith("NTRCN-")) {
                            v = v.substring(6);
                        }
                        out.add(new Candidate("subject organizationIdentifier", v));
                    }
                }
            }
        }
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (SERIAL_NUMBER.equals(atv.getType())) {
                    String v = string(atv.getValue());
                    if (v != null) {
                        out.add(new Candidate("subject serialNumber", v));
                    }
                }
            }
        }
        return out;
    }

    /** The candidates that have the length of a USCC (18 characters); the others are other identifiers. */
    public static List<Candidate> usccCandidates(X509Certificate cert) {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates(cert)) {
            if (c.value().codePointCount(0, c.value().length()) == 18) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * What a certificate says its USCC is: {@code FOUND} (the code), {@code MISSING} (no 18-character candidate),
     * {@code CONFLICT} (two different codes: {@code first} and {@code conflicting}), {@code INVALID} ({@code first}
     * fails the GB 32100 check).
     */
    public record UsccReading(Outcome outcome, Candidate first, Candidate conflicting) {
        public enum Outcome { FOUND, MISSING, CONFLICT, INVALID }

        /** The code when {@code FOUND}, else null. */
        public String code() {
            return outcome == Outcome.FOUND ? first.value() : null;
        }
    }

    /**
     * The one USCC a certificate carries (CONTRACTS section 3), read alike for package signers, delegations and
     * certificate logins: the first 18-character candidate, provided no other candidate differs from it and it
     * passes the GB 32100 check.
     */
    public static UsccReading readUscc(X509Certificate cert) {
        List<Candidate> found = usccCandidates(cert);
        if (found.isEmpty()) {
            return new UsccReading(UsccReading.Outcome.MISSING, null, null);
        }
        Candidate first = found.get(0);
        for (Candidate c : found) {
            if (!c.value().equals(first.value())) {
                return new UsccReading(UsccReading.Outcome.CONFLICT, first, c);
            }
        }
        return new UsccReading(org.minedecl.shared.declaration.Uscc.isValid(first.value())
                ? UsccReading.Outcome.FOUND : UsccReading.Outcome.INVALID, first, null);
    }

    private static String extensionString(byte[] ext) {
        try {
            byte[] inner = ASN1OctetString.getInstance(ext).getOctets();
            if (inner.length > 256) {
                return null; // no identity code is this long; do not parse it
            }
            try {
                if (Asn1Bounds.check(inner) != null) {
                    throw new IllegalArgumentException("not bounded ASN.1");
                }
                ASN1Primitive p = ASN1Primitive.fromByteArray(inner);
                String s = string(p);
                if (s != null) {
                    return s;
                }
            } catch (Exception notAsn1) {
                // some CAs put the bare characters into the extension
            }
            return new String(inner, java.nio.charset.StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String string(ASN1Encodable v) {
        return v instanceof ASN1String s ? s.getString() : null;
    }
}
