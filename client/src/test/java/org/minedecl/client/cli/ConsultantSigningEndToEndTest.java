package org.minedecl.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.session.ServerSession;
import org.minedecl.client.testsupport.ServerProcess;
import org.minedecl.shared.declaration.Period;
import org.minedecl.shared.rules.RuleVectors;
import org.minedecl.shared.testpki.TestPki;

/**
 * Issue 14 point 4 against the real server process (CONTRACTS sections 8 and 10): a consultant fills in
 * {@code preparer} and signs its client's declarations with its own certificate, with {@code minedecl sign} and
 * {@code minedecl batch sign}. The server refuses them (422 SIGNER_NOT_DELEGATED, exit 3, nothing stored) until
 * the enterprise registers a delegation with the SIGN scope made by {@code minedecl delegate}, accepts them (201)
 * while it is live, and refuses again once the enterprise revoked it; then the consultant reads none of them.
 */
@Tag("server-process")
class ConsultantSigningEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONSULTANT_USCC = "91140500MA0L3C8D5K";
    static final String CONSULTANT_NAME = "晋城市矿安咨询有限公司";

    @TempDir
    Path tmp;
    final TestPki pki = TestPki.get(TestPki.KeyAlg.EC);

    @Test
    void aConsultantsSignatureForItsClientIsAcceptedOnlyWhileASignDelegationIsLive() throws Exception {
        TestPki.Leaf enterprise = pki.leaf().keySlot(93).build();
        TestPki.Leaf consultant = pki.leaf().keySlot(94).uscc(CONSULTANT_USCC, TestPki.UsccPlacement.GMT0015_EXTENSION)
                .commonName(CONSULTANT_NAME).build();
        Path enterpriseKs = enterprise.writePkcs12(tmp.resolve("enterprise.p12"), "pw".toCharArray());
        Path consultantKs = consultant.writePkcs12(tmp.resolve("consultant.p12"), "pw".toCharArray());
        Path pass = Files.writeString(tmp.resolve("pass"), "pw\n");
        String period = Period.containing(BusinessClock.system().today()).previous().toString();
        List<String> licences = List.of("C1405252009127130099101", "C1405252009127130099102",
                "C1405252009127130099103", "C1405252009127130099104", "C1405252009127130099105");

        try (ServerProcess server = ServerProcess.start(tmp.resolve("server-data"), pki)) {
            String url = server.uri().toString();
            // 1. minedecl sign with the consultant's certificate before any delegation: signed, but refused
            Path one = declaration(tmp.resolve("one"), "one", licences.get(0), period);
            CliRun signed = sign(one, consultantKs, pass, tmp.resolve("one.asice"));
            assertThat(signed.exit()).as(signed.err()).isZero();
            CliRun refused = CliRun.of("submit", tmp.resolve("one.asice").toString(), "--server", url, "--lang", "en");
            assertThat(refused.exit()).as(refused.err()).isEqualTo(ExitCodes.PACKAGE_INVALID);
            assertThat(refused.err()).contains("422").contains("SIGNER_NOT_DELEGATED")
                    .contains("holds no SIGN delegation of the enterprise");

            // 2. the enterprise signs a delegation with the SIGN scope for four of its five mines and registers it
            //    (minedecl delegate --server)
            LocalDate today = BusinessClock.system().today();
            List<String> args = new ArrayList<>(List.of("delegate", "--consultant-uscc", CONSULTANT_USCC,
                    "--consultant-name", CONSULTANT_NAME, "--scope", "PREPARE,SIGN", "--valid-from",
                    today.minusDays(1).toString(), "--valid-to", today.plusDays(90).toString(), "--keystore",
                    enterpriseKs.toString(), "--storepass-file", pass.toString(), "-o",
                    tmp.resolve("grant.asice").toString(), "--lang", "en"));
            for (String l : List.of(licences.get(0), licences.get(1), licences.get(2), licences.get(4))) {
                args.addAll(List.of("--licence", l));
            }
            args.addAll(List.of("--server", url));
            CliRun delegated = CliRun.of(args.toArray(String[]::new));
            assertThat(delegated.exit()).as(delegated.err()).isZero();
            assertThat(delegated.err()).contains("delegation registered with " + url);
            String delegationId = delegated.out().lines().reduce((a, b) -> b).orElseThrow().trim();

            // 3. the same package again is accepted now (the refusal stored nothing), filed as the enterprise's
            CliRun accepted = CliRun.of("submit", tmp.resolve("one.asice").toString(), "--server", url, "--lang", "en");
            assertThat(accepted.exit()).as(accepted.err()).isZero();

            // 4. minedecl batch sign with the consultant's certificate, then batch submit: both accepted
            Path folder = Files.createDirectories(tmp.resolve("batch"));
            declaration(folder, "two", licences.get(1), period);
            declaration(folder, "three", licences.get(2), period);
            Path packages = tmp.resolve("packages");
            CliRun batchSigned = CliRun.of("batch", "sign", folder.toString(), "--out", packages.toString(),
                    "--keystore", consultantKs.toString(), "--storepass-file", pass.toString(), "--lang", "en");
            assertThat(batchSigned.exit()).as(batchSigned.out() + batchSigned.err()).isZero();
            CliRun batchSubmitted = CliRun.of("batch", "submit", packages.toString(), "--server", url, "--lang", "en");
            assertThat(batchSubmitted.exit()).as(batchSubmitted.out() + batchSubmitted.err()).isZero();
            assertThat(count(packages, ".receipt")).isEqualTo(2);

            // a mine the delegation does not cover is refused even while it is live
            Path four = declaration(tmp.resolve("four"), "four", licences.get(3), period);
            assertThat(sign(four, consultantKs, pass, tmp.resolve("four.asice")).exit()).isZero();
            CliRun notCovered = CliRun.of("submit", tmp.resolve("four.asice").toString(), "--server", url);
            assertThat(notCovered.exit()).isEqualTo(ExitCodes.PACKAGE_INVALID);
            assertThat(notCovered.err()).contains("SIGNER_NOT_DELEGATED");

            // the three filings are the enterprise's, and the consultant reads them while the delegation is live
            ServerSession asEnterprise = ServerSession.login(server.uri(), enterprise.credential(), Clock.systemUTC());
            ServerSession asConsultant = ServerSession.login(server.uri(), consultant.credential(), Clock.systemUTC());
            JsonNode filed = asEnterprise.get("/api/v1/submissions?size=50").json();
            assertThat(filed.path("total").asLong()).isEqualTo(3);
            assertThat(filed.path("items").findValuesAsText("uscc")).containsOnly(TestPki.EXAMPLE_USCC);
            assertThat(asConsultant.get("/api/v1/submissions?size=50").json().path("total").asLong()).isEqualTo(3);

            // 5. the enterprise revokes: the consultant's next signature for a covered mine is refused ...
            assertThat(asEnterprise.postJson("/api/v1/delegations/" + delegationId + "/revocation", "").status())
                    .isEqualTo(200);
            Path again = declaration(tmp.resolve("again"), "again", licences.get(4), period);
            assertThat(sign(again, consultantKs, pass, tmp.resolve("again.asice")).exit()).isZero();
            CliRun afterRevocation = CliRun.of("submit", tmp.resolve("again.asice").toString(), "--server", url,
                    "--lang", "en");
            assertThat(afterRevocation.exit()).isEqualTo(ExitCodes.PACKAGE_INVALID);
            assertThat(afterRevocation.err()).contains("SIGNER_NOT_DELEGATED");
            // ... and it reads nothing of the client any more, while the enterprise still has its three filings
            ServerSession.Answer list = asConsultant.get("/api/v1/submissions?size=50");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().path("total").asLong()).isZero();
            String oneId = filed.path("items").get(0).path("id").asText();
            assertThat(asConsultant.get("/api/v1/submissions/" + oneId).status()).isEqualTo(404);
            assertThat(asEnterprise.get("/api/v1/submissions?size=50").json().path("total").asLong()).isEqualTo(3);
        }
    }

    private CliRun sign(Path declaration, Path keystore, Path pass, Path out) {
        Path attachments = declaration.resolveSibling(declaration.getFileName().toString().replace(".json", ""));
        return CliRun.of("sign", declaration.toString(), "--keystore", keystore.toString(), "--storepass-file",
                pass.toString(), "--attach", attachments.resolve("mining-licence.pdf").toString(), "--attach",
                attachments.resolve("fund-deposit-2026Q3.pdf").toString(), "-o", out.toString(), "--lang", "en");
    }

    /** The example declaration for {@code licence}, prepared by the consultant, as DIR/NAME.json with NAME/. */
    private static Path declaration(Path dir, String name, String licence, String period) throws Exception {
        Files.createDirectories(dir);
        ObjectNode d = RuleVectors.example();
        d.put("period", period);
        ((ObjectNode) d.at("/licences/mining")).put("number", licence);
        ObjectNode preparer = d.putObject("preparer");
        preparer.put("name", "王咨询");
        preparer.put("organization", CONSULTANT_NAME);
        preparer.put("uscc", CONSULTANT_USCC);
        Path json = Files.write(dir.resolve(name + ".json"), JSON.writeValueAsBytes(d));
        TestPki.exampleAttachments(dir.resolve(name));
        return json;
    }

    static long count(Path dir, String suffix) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        }
    }
}
