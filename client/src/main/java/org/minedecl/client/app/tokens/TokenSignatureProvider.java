package org.minedecl.client.app.tokens;

import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.AlgorithmParametersSpi;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.InvalidParameterSpecException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.asn1.DERNull;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.params.RSA_PKCS_PSS_PARAMS;

/**
 * The JCA face of {@link ContextLoginKey}: SHA256withRSA, SHA256withRSAandMGF1 (RSASSA-PSS, SHA-256, MGF1-SHA-256,
 * salt 32) and SHA256withECDSA, hashed here and signed on the token (CKM_RSA_PKCS over the DigestInfo,
 * CKM_RSA_PKCS_PSS and CKM_ECDSA over the hash: the mechanisms nearly every USB key has). The package writer's
 * CAdES signer uses it through {@code SigningCredential.provider()} like any provider. SM2 keys on tokens go through
 * vendor mechanisms that no standard names; they are not supported here (nor by SunPKCS11).
 */
public final class TokenSignatureProvider extends Provider {
    private static final long serialVersionUID = 1L;
    static final TokenSignatureProvider INSTANCE = new TokenSignatureProvider();

    private TokenSignatureProvider() {
        super("MinedeclToken", "1.0", "signatures with token keys that demand the PIN for every signature");
        for (String alg : new String[] {"SHA256withRSA", "SHA256withRSAandMGF1", "SHA256withECDSA"}) {
            putService(new Service(this, "Signature", alg, Spi.class.getName(), null, null) {
                @Override
                public Object newInstance(Object constructorParameter) {
                    return new Spi(alg);
                }
            });
        }
        // BouncyCastle's PSS signer asks the signer's provider for the digest (hashing is no secret: the JDK's)
        putService(new Service(this, "MessageDigest", "SHA-256", "SHA-256", List.of("SHA256"), null) {
            @Override
            public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
                return MessageDigest.getInstance("SHA-256");
            }
        });
        // BouncyCastle reads the PSS parameters of the signature algorithm through the signer's provider
        putService(new Service(this, "AlgorithmParameters", "PSS", PssParameters.class.getName(), null, null) {
            @Override
            public Object newInstance(Object constructorParameter) {
                return new PssParameters();
            }
        });
    }

    /** One signature: the data is hashed here, the hash signed on the token. */
    static final class Spi extends SignatureSpi {
        private final String algorithm;
        private MessageDigest digest;
        private ContextLoginKey key;

        Spi(String algorithm) {
            this.algorithm = algorithm;
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
            if (!(privateKey instanceof ContextLoginKey k)) {
                throw new InvalidKeyException("not a token key that demands the PIN for every signature");
            }
            boolean rsa = algorithm.contains("RSA");
            if (rsa != "RSA".equals(k.getAlgorithm())) {
                throw new InvalidKeyException(algorithm + " does not fit a " + k.getAlgorithm() + " key");
            }
            key = k;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new InvalidKeyException(e);
            }
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            throw new InvalidKeyException("this provider only signs");
        }

        @Override
        protected void engineUpdate(byte b) {
            digest.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            if (key == null) {
                throw new SignatureException("not initialised for signing");
            }
            byte[] hash = digest.digest();
            switch (algorithm) {
                case "SHA256withRSA":
                    byte[] digestInfo;
                    try {
                        digestInfo = new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256,
                                DERNull.INSTANCE), hash).getEncoded("DER");
                    } catch (IOException e) {
                        throw new SignatureException(e);
                    }
                    return key.sign(PKCS11Constants.CKM_RSA_PKCS, null, digestInfo);
                case "SHA256withRSAandMGF1":
                    return key.sign(PKCS11Constants.CKM_RSA_PKCS_PSS, new RSA_PKCS_PSS_PARAMS(
                            PKCS11Constants.CKM_SHA256, PKCS11Constants.CKG_MGF1_SHA256, 32), hash);
                default:
                    return derEcdsa(key.sign(PKCS11Constants.CKM_ECDSA, null, hash));
            }
        }

        /** PKCS#11 gives r and s side by side; CMS wants SEQUENCE { r INTEGER, s INTEGER }. */
        static byte[] derEcdsa(byte[] raw) throws SignatureException {
            if (raw.length == 0 || raw.length % 2 != 0) {
                throw new SignatureException("the token gave an ECDSA signature of " + raw.length + " bytes");
            }
            int n = raw.length / 2;
            ASN1EncodableVector v = new ASN1EncodableVector();
            v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 0, n))));
            v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, n, raw.length))));
            try {
                return new DERSequence(v).getEncoded("DER");
            } catch (IOException e) {
                throw new SignatureException(e);
            }
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
            throw new SignatureException("this provider only signs");
        }

        @Override
        protected void engineSetParameter(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException {
            if (params instanceof PSSParameterSpec p && algorithm.equals("SHA256withRSAandMGF1")
                    && "SHA-256".equalsIgnoreCase(p.getDigestAlgorithm()) && p.getSaltLength() == 32
                    && p.getMGFParameters() instanceof MGF1ParameterSpec mgf
                    && "SHA-256".equalsIgnoreCase(mgf.getDigestAlgorithm())) {
                return; // the one PSS the contract allows, which this provider always makes
            }
            throw new InvalidAlgorithmParameterException("unsupported parameters " + params + " for " + algorithm);
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new UnsupportedOperationException();
        }
    }

    /** PSS parameters (SHA-256, MGF1-SHA-256, salt 32), read from their DER through the JDK's own. */
    static final class PssParameters extends AlgorithmParametersSpi {
        private AlgorithmParameters delegate;

        @Override
        protected void engineInit(AlgorithmParameterSpec paramSpec) throws InvalidParameterSpecException {
            delegate = jdk();
            delegate.init(paramSpec);
        }

        @Override
        protected void engineInit(byte[] params) throws IOException {
            delegate = jdk();
            delegate.init(params);
        }

        @Override
        protected void engineInit(byte[] params, String format) throws IOException {
            delegate = jdk();
            delegate.init(params, format);
        }

        @Override
        protected <T extends AlgorithmParameterSpec> T engineGetParameterSpec(Class<T> paramSpec)
                throws InvalidParameterSpecException {
            return delegate.getParameterSpec(paramSpec);
        }

        @Override
        protected byte[] engineGetEncoded() throws IOException {
            return delegate.getEncoded();
        }

        @Override
        protected byte[] engineGetEncoded(String format) throws IOException {
            return delegate.getEncoded(format);
        }

        @Override
        protected String engineToString() {
            return delegate == null ? "PSS" : delegate.toString();
        }

        private static AlgorithmParameters jdk() {
            try {
                return AlgorithmParameters.getInstance("RSASSA-PSS");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
