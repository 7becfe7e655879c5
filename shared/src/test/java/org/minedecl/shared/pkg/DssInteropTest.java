package org.minedecl.shared.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.enumerations.ASiCContainerType;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.minedecl.shared.testpki.TestPki;

/** EU DSS, an independent ASiC-E/CAdES validator, accepts our RSA and ECDSA packages and sees tampering. */
@Tag("dss")
class DssInteropTest {
    @TempDir
    Path tmp;

    private static Reports validate(Path pkg, TestPki pki) throws Exception {
        CommonCertificateVerifier cv = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(pki.root().cert()));
        cv.setTrustedCertSources(trusted);
        List<X509CRL> crls = pki.freshCrls(Instant.now());
        cv.setCrlSource(new ExternalResourcesCRLSource(crls.stream()
                .map(c -> {
                    try {
                        return new InMemoryDocument(c.getEncoded());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toArray(InMemoryDocument[]::new)));
        cv.setAIASource(null);
        cv.setOcspSource(null);
        SignedDocumentValidator v = SignedDocumentValidator.fromDocument(new FileDocument(pkg.toFile()));
        v.setCertificateVerifier(cv);
        return v.validateDocument();
    }

    @ParameterizedTest
    @EnumSource(value = TestPki.KeyAlg.class, names = {"RSA", "EC"})
    void euDssFindsOneIntactValidSignatureCoveringEveryFile(TestPki.KeyAlg alg) throws Exception {
        TestPki pki = TestPki.get(alg);
        Path pkg = pki.examplePackage(tmp.resolve("a.asice"), pki.leaf().build());
        Reports r = validate(pkg, pki);
        DiagnosticData d = r.getDiagnosticData();
        assertThat(d.getContainerType()).isEqualTo(ASiCContainerType.ASiC_E);
        assertThat(d.getSignatures()).hasSize(1);
        SignatureWrapper s = d.getSignatures().get(0);
        assertThat(s.isSignatureIntact()).isTrue();
        assertThat(s.isSignatureValid()).isTrue();
        assertThat(s.getDigestMatchers()).isNotEmpty().allMatch(XmlDigestMatcher::isDataFound)
                .allMatch(XmlDigestMatcher::isDataIntact);
        Indication ind = r.getSimpleReport().getIndication(s.getId());
        System.out.println("EU DSS 6.4 on " + alg + " package: " + ind + " / "
                + r.getSimpleReport().getSubIndication(s.getId()) + ", format " + s.getSignatureFormat()
                + ", digest matchers " + s.getDigestMatchers().size());
        assertThat(ind).isNotEqualTo(Indication.TOTAL_FAILED);
    }

    @ParameterizedTest
    @EnumSource(value = TestPki.KeyAlg.class, names = {"RSA", "EC"})
    void euDssSeesAChangedDeclarationAsNotIntact(TestPki.KeyAlg alg) throws Exception {
        TestPki pki = TestPki.get(alg);
        Path pkg = pki.examplePackage(tmp.resolve("a.asice"), pki.leaf().build());
        RawZip z = RawZip.of(Files.readAllBytes(pkg));
        byte[] decl = z.get(PackageLayout.DECLARATION).data;
        decl[decl.length / 2] ^= 1;
        z.get(PackageLayout.DECLARATION).stored();
        Path bad = Files.write(tmp.resolve("bad.asice"), z.build());
        Reports r = validate(bad, pki);
        SignatureWrapper s = r.getDiagnosticData().getSignatures().get(0);
        assertThat(s.getDigestMatchers()).anyMatch(m -> !m.isDataIntact());
        assertThat(r.getSimpleReport().getIndication(s.getId())).isEqualTo(Indication.TOTAL_FAILED);
    }
}
