package org.minedecl.server.submission;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minedecl.server.support.Api;
import org.minedecl.server.support.Declarations;
import org.minedecl.server.support.Rows;
import org.minedecl.server.support.SignedPackages;
import org.minedecl.server.support.TestData;
import org.minedecl.shared.delegation.Delegation;
import org.minedecl.shared.testpki.TestPki;
import org.slf4j.LoggerFactory;

/**
 * The audit trail names the certificate behind an upload - its subject, USCC and serial - not the address it
 * came from (issue 13 point 2): in the log line of an acceptance, a replay and a refusal, in the database's
 * acceptance event, and for delegations; only an upload too broken to name a signer gives the remote address.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadAuditTest implements TestPropertyProvider {
    static final String CONSULTANT = "91140500MA0L3C8D5K";

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;
    SignedPackages packages;
    ListAppender<ILoggingEvent> audit;

    @Override
    public Map<String, String> getProperties() {
        TestData data = TestData.create("minedecl-audit");
        packages = data.packages();
        return Map.of("minedecl.data-dir", data.dataDir().toString(), "micronaut.server.port", "-1");
    }

    @BeforeEach
    void listen() {
        audit = new ListAppender<>();
        audit.start();
        ((Logger) LoggerFactory.getLogger("minedecl.audit")).addAppender(audit);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("minedecl.audit")).detachAppender(audit);
    }

    private Api api() {
        return new Api(server.getURI());
    }

    private List<String> lines(String start) {
        return audit.list.stream().map(ILoggingEvent::getFormattedMessage).filter(l -> l.startsWith(start)).toList();
    }

    private static String named(TestPki.Leaf leaf, String uscc) {
        return "uscc=" + uscc + " serial=" + leaf.cert().getSerialNumber().toString(16);
    }

    @Test
    void anAcceptedUploadAndItsReplayNameTheSignersCertificateInTheLogAndTheDatabase() {
        TestPki.Leaf signer = packages.leaf();
        byte[] pkg = packages.sign(Declarations.example());

        Api.Answer first = api().upload(pkg);
        Api.Answer again = api().upload(pkg);

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        String id = first.json().path("receipt").path("receiptId").asText();
        List<String> accepted = lines("upload accepted");
        assertThat(accepted).hasSize(1);
        assertThat(accepted.get(0)).contains("subject=\"").contains("CN=").contains(named(signer, TestPki.EXAMPLE_USCC))
                .contains("receipt=" + id).doesNotContain("remote=").doesNotContain("127.0.0.1");
        List<String> replayed = lines("upload replayed");
        assertThat(replayed).hasSize(1);
        assertThat(replayed.get(0)).contains(named(signer, TestPki.EXAMPLE_USCC)).doesNotContain("remote=");
        assertThat(Rows.string(dataSource, "SELECT actor FROM audit_event WHERE submission_id = ?", id))
                .contains(named(signer, TestPki.EXAMPLE_USCC)).doesNotContain("127.0.0.1");
    }

    @Test
    void aRefusedUploadNamesTheCertificateThatSignedItAndAnUnreadableOneWhereItCameFrom() {
        TestPki.Leaf stranger = packages.pki().leaf().keySlot(88)
                .uscc(CONSULTANT, TestPki.UsccPlacement.GMT0015_EXTENSION).commonName("晋城市矿安咨询有限公司").build();

        Api.Answer notTheirs = api().upload(packages.sign(Declarations.example().json()
                .getBytes(StandardCharsets.UTF_8), stranger));
        Api.Answer invalid = api().upload(packages.sign(Declarations.example().period("2026Q9")));
        Api.Answer garbage = api().upload("not a zip".getBytes(StandardCharsets.US_ASCII));

        assertThat(notTheirs.code()).isEqualTo("SIGNER_MISMATCH");
        assertThat(invalid.status()).as(invalid.text()).isBetween(400, 499);
        assertThat(garbage.code()).isEqualTo("PACKAGE_INVALID");
        List<String> refused = lines("upload refused");
        assertThat(refused).hasSize(3);
        assertThat(refused.get(0)).contains("晋城市矿安咨询有限公司").contains(named(stranger, CONSULTANT))
                .contains("code=SIGNER_MISMATCH").doesNotContain("remote=");
        assertThat(refused.get(1)).contains(named(packages.leaf(), TestPki.EXAMPLE_USCC)).doesNotContain("remote=");
        assertThat(refused.get(2)).contains("signer=- remote=").contains("code=PACKAGE_INVALID");
    }

    @Test
    void aDelegationsRegistrationNamesTheEnterprisesCertificate() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Delegation d = new Delegation(new Delegation.Party(TestPki.EXAMPLE_USCC, "泽州县金岭建材矿业有限公司"),
                new Delegation.Party(CONSULTANT, "晋城市矿安咨询有限公司"), Set.of(Delegation.Scope.PREPARE), List.of(),
                today, today.plusDays(10));

        Api.Answer a = api().postBytes("/api/v1/delegations", "application/vnd.etsi.asic-e+zip",
                packages.delegation(d, packages.leaf()));

        assertThat(a.status()).as(a.text()).isEqualTo(201);
        assertThat(lines("auth delegation-registered")).singleElement().asString()
                .contains(named(packages.leaf(), TestPki.EXAMPLE_USCC));
    }
}
