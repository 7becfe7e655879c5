package org.minedecl.client.app.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.Language;
import org.minedecl.shared.pkg.PackageAttachment;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.Severity;
import org.minedecl.shared.testpki.TestPki;

/** {@link SigningService}: the ERROR gate, the attachment match, the FLAGs about to be signed, the certificate. */
class SigningServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SigningService service = SigningService.standard(BusinessClock.fixed(
            Instant.parse("2026-10-10T02:00:00Z")));
    @TempDir
    Path dir;

    private List<Path> attachments() throws Exception {
        return TestPki.exampleAttachments(dir).stream().map(PackageAttachment::file).toList();
    }

    static byte[] withShortfall() throws Exception {
        ObjectNode d = (ObjectNode) JSON.readTree(TestPki.exampleDeclaration());
        ObjectNode fund = (ObjectNode) d.get("restorationFund");
        fund.put("deposited", "30000.00");
        fund.put("closingBalance", "1245000.00");
        return JSON.writeValueAsBytes(d);
    }

    @Test
    void aFundShortfallIsReadyToSignWithItsFlagShownFirst() throws Exception {
        Preparation p = service.prepare(withShortfall(), attachments(), null, null);

        assertThat(p).isInstanceOf(Preparation.Ready.class);
        Preparation.Ready ready = (Preparation.Ready) p;
        assertThat(ready.flags()).extracting(Finding::ruleId).containsExactly("CORE-FUND-02");
        assertThat(ready.flags()).allMatch(f -> f.severity() == Severity.FLAG);
        assertThat(ready.asOf()).as("today in Asia/Shanghai").isEqualTo(LocalDate.of(2026, 10, 10));
    }

    @Test
    void aDeclarationWithErrorsIsRefusedWithItsErrors() throws Exception {
        ObjectNode d = (ObjectNode) JSON.readTree(TestPki.exampleDeclaration());
        ((ObjectNode) d.get("restorationFund")).put("closingBalance", "1.00");

        Preparation p = service.prepare(JSON.writeValueAsBytes(d), attachments(), null, null);

        assertThat(p).isInstanceOf(Preparation.HasErrors.class);
        assertThat(((Preparation.HasErrors) p).errors()).extracting(Finding::ruleId).contains("CORE-FUND-01");
        assertThat(((Preparation.Refused) p).declarationProblem()).isTrue();
        assertThat(((Preparation.Refused) p).message(Language.ZH)).isEqualTo("未签名：申报有 1 个错误（ERROR）");
    }

    @Test
    void attachmentsThatDoNotMatchTheDeclarationAreNamedBothWays() throws Exception {
        Path extra = Files.writeString(dir.resolve("photo.jpg"), "jpeg");
        List<Path> files = List.of(attachments().get(0), extra);

        Preparation p = service.prepare(TestPki.exampleDeclaration(), files, null, null);

        assertThat(p).isInstanceOf(Preparation.AttachmentsMismatch.class);
        Preparation.AttachmentsMismatch m = (Preparation.AttachmentsMismatch) p;
        assertThat(m.declaredNotGiven()).containsExactly("attachments/fund-deposit-2026Q3.pdf");
        assertThat(m.givenNotDeclared()).containsExactly("attachments/photo.jpg");
        assertThat(m.message(Language.EN)).isEqualTo("the attached files do not match declaration.attachments; "
                + "declared but not attached: attachments/fund-deposit-2026Q3.pdf; attached but not declared: "
                + "attachments/photo.jpg");
    }

    @Test
    void aMissingAttachmentFileIsAnInputProblemNotADeclarationProblem() throws Exception {
        Preparation p = service.prepare(TestPki.exampleDeclaration(), List.of(dir.resolve("nope.pdf")), null, null);

        assertThat(p).isInstanceOf(Preparation.AttachmentUnusable.class);
        assertThat(((Preparation.AttachmentUnusable) p).problem())
                .isEqualTo(Preparation.AttachmentUnusable.Problem.NOT_FOUND);
        assertThat(((Preparation.Refused) p).declarationProblem()).isFalse();
    }

    @Test
    void theCertificateIsDescribedAgainstTheDeclarationBeforeSigning() throws Exception {
        TestPki pki = TestPki.get(TestPki.KeyAlg.EC);
        Preparation.Ready ready = (Preparation.Ready) service.prepare(TestPki.exampleDeclaration(), attachments(),
                null, null);

        CertificateInfo good = service.describe(pki.leaf().build().cert(), ready.declaration());

        assertThat(good.matchesDeclaration()).isTrue();
        assertThat(good.uscc()).isEqualTo(ready.declaration().enterprise().uscc());
        assertThat(good.validity()).isEqualTo(CertificateInfo.Validity.VALID);
        CertificateInfo stranger = CertificateInfo.of(pki.leaf().build().cert(), null,
                Instant.parse("2126-01-01T00:00:00Z"));
        assertThat(stranger.matchesDeclaration()).isFalse();
        assertThat(stranger.validity()).isEqualTo(CertificateInfo.Validity.EXPIRED);
    }

    @Test
    void signingWritesThePackageAndReportsEachPhase() throws Exception {
        TestPki pki = TestPki.get(TestPki.KeyAlg.EC);
        TestPki.Leaf leaf = pki.leaf().build();
        Preparation.Ready ready = (Preparation.Ready) service.prepare(withShortfall(), attachments(), null, null);
        java.util.Set<String> phases = new java.util.LinkedHashSet<>();

        SigningService.Signed s = service.sign(ready, new org.minedecl.shared.signature.SigningCredential(leaf.key(),
                leaf.chain(), org.minedecl.shared.signature.Providers.bc()), false, dir.resolve("q3.asice"), (phase, done, total) -> phases.add(phase));

        assertThat(s.path()).exists();
        assertThat(s.signingTime()).isEqualTo(Instant.parse("2026-10-10T02:00:00Z"));
        assertThat(s.flags()).extracting(Finding::ruleId).containsExactly("CORE-FUND-02");
        assertThat(phases).containsSubsequence("hashing", "signing", "done");
    }
}
