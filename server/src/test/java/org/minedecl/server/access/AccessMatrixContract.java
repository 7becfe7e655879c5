package org.minedecl.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.minedecl.shared.delegation.Delegation;
import org.minedecl.server.support.Api;
import org.minedecl.server.support.Declarations;
import org.minedecl.server.support.Logins;
import org.minedecl.server.support.SignedPackages;
import org.minedecl.server.support.TestData;
import org.minedecl.shared.testpki.TestPki;

/**
 * The role x resource x action matrix (CONTRACTS section 7, SECURITY-TESTS C4 and C8), on H2
 * ({@link AccessMatrixH2Test}) and PostgreSQL ({@link AccessMatrixPostgresTest}). Every principal - operators A
 * and B, a consultant before, during and after a delegation, the county's, a neighbouring county's, the city's and
 * another city's regulator, an administrator, no token, forged and expired tokens, a removed regulator's token, a
 * revoked certificate - is sent to every reading and administrative endpoint; what it gets is compared with what
 * an independent model of the contract says it may get. A "leak" is a 2xx answer (or a list entry) the model
 * forbids; the test reports the cells it tried and the leaks it found, and asserts there are none (and no other
 * mismatch either).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AccessMatrixContract implements TestPropertyProvider {
    static final String USCC_A = TestPki.EXAMPLE_USCC;
    static final String USCC_B = "91140522MA0B1XY30N";
    static final String USCC_CONSULTANT = "91140500MA0L3C8D5K";
    static final String USCC_OTHER_CITY = "91140105MA0T2Q7W13";

    @Inject
    EmbeddedServer server;

    Path dataDir;
    SignedPackages packages;
    final TestPki pki = TestPki.get(TestPki.KeyAlg.EC);
    Api anonymous;

    // certificates
    TestPki.Leaf leafA;
    TestPki.Leaf leafB;
    TestPki.Leaf leafConsultant;
    TestPki.Leaf leafCounty;
    TestPki.Leaf leafNeighbour;
    TestPki.Leaf leafCity;
    TestPki.Leaf leafOtherCity;
    TestPki.Leaf leafAdmin;
    TestPki.Leaf leafRevoked;

    /** Filings: name -> (receipt id, owner, licence, jurisdiction). */
    record FilingRef(String id, String uscc, String licence, String jurisdiction, boolean flagged) {
    }

    final Map<String, FilingRef> filings = new LinkedHashMap<>();
    final Map<String, String> tokens = new HashMap<>();
    final Map<String, String> regulatorIds = new HashMap<>();
    int cells;
    final List<String> leaks = new ArrayList<>();
    final List<String> mismatches = new ArrayList<>();

    Map<String, String> commonProperties() {
        TestData data = TestData.create("minedecl-access-test");
        dataDir = data.dataDir();
        packages = data.packages();
        leafA = pki.leaf().keySlot(70).build();
        leafB = pki.leaf().keySlot(71).uscc(USCC_B, TestPki.UsccPlacement.ORGANIZATION_IDENTIFIER)
                .commonName("阳城县测试矿业有限公司").build();
        leafConsultant = pki.leaf().keySlot(72).uscc(USCC_CONSULTANT, TestPki.UsccPlacement.GMT0015_EXTENSION)
                .commonName("晋城市矿安咨询有限公司").build();
        leafCounty = pki.leaf().keySlot(73).noUscc().commonName("泽州县自然资源局 审核员").build();
        leafNeighbour = pki.leaf().keySlot(74).noUscc().commonName("阳城县自然资源局 审核员").build();
        leafCity = pki.leaf().keySlot(75).noUscc().commonName("晋城市自然资源局 审核员").build();
        leafOtherCity = pki.leaf().keySlot(76).noUscc().commonName("太原市规划和自然资源局 审核员").build();
        leafAdmin = pki.leaf().keySlot(77).noUscc().commonName("minedecl 系统管理员").build();
        leafRevoked = pki.leaf().keySlot(78).commonName("泽州县金岭建材矿业有限公司 (吊销)").build();
        try {
            Files.createDirectories(dataDir.resolve("admins"));
            TestPki.writePem(dataDir.resolve("admins/admin.pem"), leafAdmin.cert());
            // a newer CRL of the issuing CA that revokes one certificate
            TestPki.writePem(dataDir.resolve("trust/issuing-revoking.crl"), pki.crl(pki.issuing(),
                    Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(7, ChronoUnit.DAYS),
                    Instant.now().minus(2, ChronoUnit.HOURS), leafRevoked.cert()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("minedecl.data-dir", dataDir.toString(), "micronaut.server.port", "-1");
    }

    @BeforeEach
    void setUp() {
        if (anonymous != null) {
            return;
        }
        anonymous = new Api(server.getURI());
        for (var e : Map.of("A", leafA, "B", leafB, "consultant", leafConsultant, "admin", leafAdmin).entrySet()) {
            tokens.put(e.getKey(), Logins.token(anonymous, e.getValue()));
        }
        Api admin = anonymous.withToken(tokens.get("admin"));
        for (var e : Map.of("county", List.of(leafCounty, "140525"), "neighbour", List.of(leafNeighbour, "140522"),
                "city", List.of(leafCity, "140500"), "otherCity", List.of(leafOtherCity, "140100")).entrySet()) {
            TestPki.Leaf leaf = (TestPki.Leaf) e.getValue().get(0);
            Api.Answer created = admin.postJson("/api/v1/admin/regulators", "{\"certificate\":\""
                    + TestPki.pem(leaf.cert()).replace("\n", "\\n") + "\",\"name\":\"" + e.getKey()
                    + "\",\"jurisdictions\":[\"" + e.getValue().get(1) + "\"]}");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            regulatorIds.put(e.getKey(), created.json().path("id").asText());
            tokens.put(e.getKey(), Logins.token(anonymous, leaf));
        }
        String licenceA1 = Declarations.example().licence();
        String licenceA2 = Declarations.example().licence();
        String licenceB = "C1405222010127130" + String.format("%06d", System.nanoTime() % 1_000_000);
        String licenceO = "C1401052010127130" + String.format("%06d", System.nanoTime() % 1_000_000);
        file("A1", Declarations.example().licence(licenceA1), leafA, USCC_A, "140525", false);
        file("A1q4", Declarations.example().licence(licenceA1).period("2026Q4")
                .fund("1300000.00", "90000.00", "35000.00", "1355000.00"), leafA, USCC_A, "140525", true);
        file("A2", Declarations.example().licence(licenceA2), leafA, USCC_A, "140525", false);
        file("B", Declarations.example().licence(licenceB).enterprise(USCC_B, "阳城县测试矿业有限公司")
                .jurisdiction("140522"), leafB, USCC_B, "140522", false);
        file("Bq4", Declarations.example().licence(licenceB).enterprise(USCC_B, "阳城县测试矿业有限公司")
                .jurisdiction("140522").period("2026Q4").fund("1300000.00", "90000.00", "35000.00", "1355000.00"),
                leafB, USCC_B, "140522", true);
        TestPki.Leaf leafO = pki.leaf().keySlot(79).uscc(USCC_OTHER_CITY, TestPki.UsccPlacement.ORGANIZATION_IDENTIFIER)
                .build();
        file("O", Declarations.example().licence(licenceO).enterprise(USCC_OTHER_CITY, "太原市测试建材有限公司")
                .jurisdiction("140105"), leafO, USCC_OTHER_CITY, "140105", false);
    }

    private void file(String name, Declarations d, TestPki.Leaf signer, String uscc, String jurisdiction,
                      boolean flagged) {
        Api.Answer a = anonymous.upload(packages.sign(d.json().getBytes(StandardCharsets.UTF_8), signer));
        assertThat(a.status()).as(name + ": " + a.text()).isEqualTo(201);
        assertThat(a.json().path("receipt").path("status").asText()).as(name)
                .isEqualTo(flagged ? "FLAGGED" : "ACCEPTED");
        filings.put(name, new FilingRef(a.json().path("receipt").path("receiptId").asText(), uscc, d.licence(),
                jurisdiction, flagged));
    }

    // ---------------------------------------------------------------- the model

    /** What the contract lets each principal read: the names of the filings. */
    Set<String> readable(String who, Set<String> consultantLicences) {
        Set<String> out = new LinkedHashSet<>();
        for (var e : filings.entrySet()) {
            FilingRef f = e.getValue();
            boolean ok = switch (who) {
                case "A" -> f.uscc().equals(USCC_A);
                case "B" -> f.uscc().equals(USCC_B);
                case "consultant" -> f.uscc().equals(USCC_A) && consultantLicences.contains(f.licence());
                case "county" -> f.jurisdiction().equals("140525");
                case "neighbour" -> f.jurisdiction().equals("140522");
                case "city" -> f.jurisdiction().startsWith("1405");
                case "otherCity" -> f.jurisdiction().startsWith("1401");
                default -> false;
            };
            if (ok) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- the walk

    /** Every reading endpoint for one principal; returns nothing, counts cells, leaks and mismatches. */
    void walk(String label, Api api, String who, Set<String> consultantLicences) {
        Set<String> may = who == null ? Set.of() : readable(who, consultantLicences);
        // the list
        Api.Answer list = api.get("/api/v1/submissions?size=500");
        checkList(label, "GET /submissions", list, who, may, "items", "id");
        Api.Answer abnormal = api.get("/api/v1/abnormal-list");
        Set<String> mayFlagged = new LinkedHashSet<>();
        for (String n : may) {
            if (filings.get(n).flagged()) {
                mayFlagged.add(n);
            }
        }
        checkList(label, "GET /abnormal-list", abnormal, who, mayFlagged, "entries", "submissionId");
        for (var e : filings.entrySet()) {
            String id = e.getValue().id();
            int expected = who == null ? 401 : who.equals("admin") ? 403 : may.contains(e.getKey()) ? 200 : 404;
            for (String path : List.of("/api/v1/submissions/" + id, "/api/v1/submissions/" + id + "/package",
                    "/api/v1/submissions/" + id + "/receipt", "/api/v1/submissions/" + id + "/decisions")) {
                cell(label, "GET " + path.replace(id, e.getKey()), api.get(path), expected);
            }
            // deciding: regulators inside their jurisdictions only; others' role does not include it
            boolean regulator = who != null && List.of("county", "neighbour", "city", "otherCity").contains(who);
            int decide = who == null ? 401 : !regulator ? 403 : may.contains(e.getKey()) ? 201 : 404;
            cell(label, "POST /submissions/" + e.getKey() + "/decisions", api.postJson("/api/v1/submissions/" + id
                    + "/decisions", "{\"decision\":\"RETURN\",\"reason\":\"matrix " + label + "\"}"), decide);
        }
        // the quarter's lists
        int lists = who == null ? 401 : who.equals("admin") ? 403 : 200;
        cell(label, "GET /missing-filings", api.get("/api/v1/missing-filings?period=2026Q3"), lists);
        Api.Answer stats = api.get("/api/v1/statistics?period=2026Q3");
        cell(label, "GET /statistics", stats, lists);
        if (stats.status() == 200) {
            long filed = may.stream().filter(n -> !filings.get(n).flagged()).count(); // the Q3 filings
            cells++;
            long seen = stats.json().path("total").path("filed").asLong(-1);
            if (seen > filed) {
                leaks.add(label + " GET /statistics counts " + seen + " filings, may read " + filed);
            } else if (seen != filed) {
                mismatches.add(label + " GET /statistics counts " + seen + " filings, expected " + filed);
            }
        }
        // the regulator registry
        int adminStatus = who == null ? 401 : who.equals("admin") ? 200 : 403;
        cell(label, "GET /admin/regulators", api.get("/api/v1/admin/regulators"), adminStatus);
        cell(label, "DELETE /admin/regulators/{unknown}", api.delete("/api/v1/admin/regulators/" + UUID.randomUUID()),
                who == null ? 401 : who.equals("admin") ? 404 : 403);
        cell(label, "POST /admin/regulators", api.postJson("/api/v1/admin/regulators",
                "{\"certificate\":\"x\",\"name\":\"x\",\"jurisdictions\":[\"140525\"]}"),
                who == null ? 401 : who.equals("admin") ? 400 : 403);
    }

    private void checkList(String label, String what, Api.Answer a, String who, Set<String> may, String array,
                           String idField) {
        int expected = who == null ? 401 : who.equals("admin") ? 403 : 200;
        cell(label, what, a, expected);
        if (a.status() != 200) {
            return;
        }
        Map<String, String> byId = new HashMap<>();
        filings.forEach((n, f) -> byId.put(f.id(), n));
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode item : a.json().path(array)) {
            String name = byId.get(item.path(idField).asText());
            cells++;
            if (name == null || !may.contains(name)) {
                leaks.add(label + " " + what + " lists " + (name == null ? item.path(idField).asText() : name));
            } else {
                seen.add(name);
            }
        }
        if (!seen.equals(may)) {
            mismatches.add(label + " " + what + ": listed " + seen + ", expected " + may);
        }
    }

    private void cell(String label, String what, Api.Answer a, int expected) {
        cells++;
        boolean leak = a.status() >= 200 && a.status() < 300 && (expected < 200 || expected >= 300);
        if (leak) {
            leaks.add(label + " " + what + " -> " + a.status() + " (expected " + expected + ")");
        } else if (a.status() != expected) {
            mismatches.add(label + " " + what + " -> " + a.status() + " " + (a.status() >= 400 ? a.code() : "")
                    + " (expected " + expected + ")");
        } else if (expected == 401 && !a.code().equals("UNAUTHENTICATED")) {
            mismatches.add(label + " " + what + " -> 401 with code " + a.code());
        } else if (expected == 403 && !a.code().equals("FORBIDDEN")) {
            mismatches.add(label + " " + what + " -> 403 with code " + a.code());
        }
    }

    // ---------------------------------------------------------------- tokens that must not count

    String forgedAlgNone(String token) {
        String[] p = token.split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}"
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + p[1] + ".";
    }

    String flippedBit(String token) {
        String[] p = token.split("\\.");
        byte[] sig = Base64.getUrlDecoder().decode(p[2]);
        sig[sig.length / 2] ^= 0x01;
        return p[0] + "." + p[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    }

    /** B's claims under A's signature. */
    String swappedClaims(String a, String b) {
        String[] pa = a.split("\\.");
        String[] pb = b.split("\\.");
        return pa[0] + "." + pb[1] + "." + pa[2];
    }

    String signed(byte[] key, Instant issued, Instant expires, String uscc) throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(tokens.get("A")).getJWTClaimsSet();
        JWTClaimsSet c = new JWTClaimsSet.Builder(claims).issueTime(Date.from(issued))
                .expirationTime(Date.from(expires)).claim("uscc", uscc).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), c);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    byte[] serverKey() throws Exception {
        return Base64.getDecoder().decode(Files.readString(dataDir.resolve("token-key")).trim());
    }

    /** A registers (no token: the signature names it) a delegation to the consultant; returns its id. */
    String delegate(List<String> licences, Set<Delegation.Scope> scope) {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        // live from before the test packages' fixed signing time (TestPki.SIGNING_TIME) until after today
        LocalDate signingDay = TestPki.SIGNING_TIME.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        LocalDate from = signingDay.isBefore(today) ? signingDay.minusDays(1) : today.minusDays(1);
        Delegation d = new Delegation(new Delegation.Party(USCC_A, "泽州县金岭建材矿业有限公司"),
                new Delegation.Party(USCC_CONSULTANT, "晋城市矿安咨询有限公司"), scope, licences, from,
                today.plusDays(30));
        Api.Answer a = anonymous.postBytes("/api/v1/delegations", "application/vnd.etsi.asic-e+zip",
                packages.delegation(d, leafA));
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        return a.json().path("delegationId").asText();
    }

    // ---------------------------------------------------------------- tests

    @Test
    @Order(1)
    void everyPrincipalReadsExactlyWhatTheContractAllowsAndNoForgedTokenReadsAnything() throws Exception {
        Set<String> none = Set.of();
        for (String who : List.of("A", "B", "county", "neighbour", "city", "otherCity", "admin")) {
            walk(who, anonymous.withToken(tokens.get(who)), who, none);
        }
        // the consultant before any delegation: an operator (it has a USCC) that has filed nothing
        walk("consultant-before", anonymous.withToken(tokens.get("consultant")), "consultant", none);

        // during a delegation from A for one of its mining licences, registered through the API
        String licence = filings.get("A1").licence();
        String delegationId = delegate(List.of(licence), Set.of(Delegation.Scope.PREPARE));
        walk("consultant-during", anonymous.withToken(tokens.get("consultant")), "consultant", Set.of(licence));
        for (String who : List.of("A", "consultant", "B")) {
            Api.Answer list = anonymous.withToken(tokens.get(who)).get("/api/v1/delegations");
            cells++;
            boolean sees = list.json().path("delegations").findValuesAsText("delegationId").contains(delegationId);
            if (sees != !who.equals("B")) {
                (sees ? leaks : mismatches).add(who + " GET /delegations sees " + sees);
            }
        }
        cell("consultant", "POST /delegations/{id}/revocation", anonymous.withToken(tokens.get("consultant"))
                .postJson("/api/v1/delegations/" + delegationId + "/revocation", ""), 403);
        cell("B", "POST /delegations/{id}/revocation", anonymous.withToken(tokens.get("B"))
                .postJson("/api/v1/delegations/" + delegationId + "/revocation", ""), 404);
        cell("admin", "GET /delegations", anonymous.withToken(tokens.get("admin")).get("/api/v1/delegations"), 403);
        cell("no-token", "GET /delegations", anonymous.get("/api/v1/delegations"), 401);

        // after its revocation by A
        cell("A", "POST /delegations/{id}/revocation", anonymous.withToken(tokens.get("A"))
                .postJson("/api/v1/delegations/" + delegationId + "/revocation", ""), 200);
        walk("consultant-after", anonymous.withToken(tokens.get("consultant")), "consultant", none);

        // tokens that must not count
        String a = tokens.get("A");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no-token", null);
        bad.put("garbage", "not.a.token");
        bad.put("alg-none", forgedAlgNone(a));
        bad.put("flipped-bit", flippedBit(a));
        bad.put("claims-swapped", swappedClaims(a, tokens.get("B")));
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        bad.put("other-key", signed(otherKey, Instant.now(), Instant.now().plusSeconds(600), USCC_A));
        bad.put("expired", signed(serverKey(), Instant.now().minusSeconds(7200), Instant.now().minusSeconds(60),
                USCC_A));
        // a control: the same construction with the server's key and a live expiry does read (so the forgeries
        // above fail for their flaw, not for the construction)
        Api.Answer control = anonymous.withToken(signed(serverKey(), Instant.now(), Instant.now().plusSeconds(600),
                USCC_A)).get("/api/v1/submissions/" + filings.get("A1").id());
        assertThat(control.status()).as(control.text()).isEqualTo(200);
        for (var e : bad.entrySet()) {
            walk(e.getKey(), e.getValue() == null ? anonymous : anonymous.withToken(e.getValue()), null, none);
        }

        // a removed regulator's token stops at once
        Api admin = anonymous.withToken(tokens.get("admin"));
        assertThat(admin.delete("/api/v1/admin/regulators/" + regulatorIds.get("neighbour")).status()).isEqualTo(204);
        walk("removed-regulator", anonymous.withToken(tokens.get("neighbour")), null, none);

        // the county's decision on A1 (made in its walk) is there for A, the operator concerned, with its reason;
        // the walks above found it 404 for B, the other regulators' jurisdictions and the consultant after revocation
        Api.Answer decisionsOfA1 = anonymous.withToken(tokens.get("A")).get("/api/v1/submissions/"
                + filings.get("A1").id() + "/decisions");
        cells++;
        if (!decisionsOfA1.json().path("decisions").findValuesAsText("reason").contains("matrix county")) {
            mismatches.add("A GET /submissions/A1/decisions misses the county's decision: " + decisionsOfA1.text());
        }
        System.out.println("ACCESS MATRIX (" + getClass().getSimpleName() + "): " + cells + " cells tested, "
                + leaks.size() + " leaks, " + mismatches.size() + " other mismatches");
        assertThat(leaks).as("leaks").isEmpty();
        assertThat(mismatches).as("mismatches").isEmpty();
        assertThat(cells).isGreaterThan(400);
    }

    @Test
    @Order(6)
    void aConsultantSignsForAnEnterpriseOnlyWhileASignDelegationIsLive() {
        TestPki.Leaf consultant = leafConsultant;
        // a certificate of another company that A never delegated to, not named as preparer: simply not A's
        TestPki.Leaf stranger = pki.leaf().keySlot(87).uscc(USCC_OTHER_CITY, TestPki.UsccPlacement.GMT0015_EXTENSION)
                .commonName("太原市某咨询有限公司").build();
        Api.Answer notA = anonymous.upload(packages.sign(Declarations.example().json()
                .getBytes(StandardCharsets.UTF_8), stranger));
        assertThat(notA.status()).isEqualTo(422);
        assertThat(notA.code()).isEqualTo("SIGNER_MISMATCH");
        // the consultant, named as preparer, before any live delegation for this mine
        String before = Declarations.example().licence();
        Api.Answer undelegated = anonymous.upload(packages.sign(Declarations.example().licence(before)
                .preparer(USCC_CONSULTANT, "晋城市矿安咨询有限公司").json().getBytes(StandardCharsets.UTF_8), consultant));
        assertThat(undelegated.status()).isEqualTo(422);
        assertThat(undelegated.code()).isEqualTo("SIGNER_NOT_DELEGATED");

        String licence = Declarations.example().licence();
        String prepareOnly = delegate(List.of(licence), Set.of(Delegation.Scope.PREPARE));
        Api.Answer withoutSign = anonymous.upload(packages.sign(Declarations.example().licence(licence).json()
                .getBytes(StandardCharsets.UTF_8), consultant));
        assertThat(withoutSign.status()).isEqualTo(422);
        assertThat(withoutSign.code()).isEqualTo("SIGNER_NOT_DELEGATED");

        String sign = delegate(List.of(licence), Set.of(Delegation.Scope.PREPARE, Delegation.Scope.SIGN));
        Api.Answer delegated = anonymous.upload(packages.sign(Declarations.example().licence(licence).json()
                .getBytes(StandardCharsets.UTF_8), consultant));
        assertThat(delegated.status()).as(delegated.text()).isEqualTo(201);
        assertThat(delegated.json().path("receipt").path("uscc").asText()).isEqualTo(USCC_A);
        Api.Answer otherMine = anonymous.upload(packages.sign(Declarations.example().json()
                .getBytes(StandardCharsets.UTF_8), consultant));
        assertThat(otherMine.code()).as("a licence the delegation does not list").isEqualTo("SIGNER_NOT_DELEGATED");

        Api a = anonymous.withToken(tokens.get("A"));
        assertThat(a.postJson("/api/v1/delegations/" + sign + "/revocation", "").status()).isEqualTo(200);
        assertThat(a.postJson("/api/v1/delegations/" + prepareOnly + "/revocation", "").status()).isEqualTo(200);
        Api.Answer revoked = anonymous.upload(packages.sign(Declarations.example().licence(licence).period("2026Q4")
                .fund("1300000.00", "90000.00", "35000.00", "1355000.00").json().getBytes(StandardCharsets.UTF_8),
                consultant));
        assertThat(revoked.status()).isEqualTo(422);
        assertThat(revoked.code()).isEqualTo("SIGNER_NOT_DELEGATED");
        // and what the consultant filed while it could is A's, readable by A
        assertThat(a.get("/api/v1/submissions/" + delegated.json().path("receipt").path("receiptId").asText())
                .status()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void aDelegationSignedByTheConsultantItselfIsRefusedAndTheSamePackageTwiceIsOneDelegation() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Delegation d = new Delegation(new Delegation.Party(USCC_A, "泽州县金岭建材矿业有限公司"),
                new Delegation.Party(USCC_CONSULTANT, "晋城市矿安咨询有限公司"), Set.of(Delegation.Scope.PREPARE),
                List.of(), today, today.plusDays(10));
        Api.Answer forged = anonymous.postBytes("/api/v1/delegations", "application/vnd.etsi.asic-e+zip",
                packages.delegation(d, leafConsultant));
        assertThat(forged.status()).isEqualTo(422);
        assertThat(forged.code()).isEqualTo("SIGNER_MISMATCH");

        byte[] grant = packages.delegation(d, leafA);
        Api.Answer first = anonymous.postBytes("/api/v1/delegations", "application/vnd.etsi.asic-e+zip", grant);
        Api.Answer again = anonymous.postBytes("/api/v1/delegations", "application/vnd.etsi.asic-e+zip", grant);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("delegationId").asText()).isEqualTo(first.json().path("delegationId").asText());
        assertThat(anonymous.withToken(tokens.get("A")).postJson("/api/v1/delegations/"
                + first.json().path("delegationId").asText() + "/revocation", "").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aRevokedCertificateCannotLogInAndTheAnswerSaysNothingMore() {
        Api.Answer a = Logins.answer(anonymous, leafRevoked, true);

        assertThat(a.status()).isEqualTo(401);
        assertThat(a.code()).isEqualTo("AUTH_FAILED");
        assertThat(a.json().path("detail").asText()).isEqualTo("login failed");
    }

    @Test
    @Order(3)
    void aNonceIsGoodOnceAndASignatureOverSomethingElseIsRefused() {
        String nonce = Logins.challenge(anonymous);
        byte[] sig = Logins.cms(nonce.getBytes(StandardCharsets.UTF_8), leafA, true);
        assertThat(Logins.submit(anonymous, nonce, sig).status()).isEqualTo(200);
        Api.Answer replay = Logins.submit(anonymous, nonce, sig);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.code()).isEqualTo("AUTH_FAILED");

        String other = Logins.challenge(anonymous);
        Api.Answer elsewhere = Logins.submit(anonymous, other, Logins.cms("something else".getBytes(
                StandardCharsets.UTF_8), leafA, true));
        assertThat(elsewhere.code()).isEqualTo("AUTH_FAILED");
        // and that nonce is used up by the failed try
        assertThat(Logins.submit(anonymous, other, Logins.cms(other.getBytes(StandardCharsets.UTF_8), leafA, true))
                .code()).isEqualTo("AUTH_FAILED");
        assertThat(Logins.submit(anonymous, "never-issued", sig).code()).isEqualTo("AUTH_FAILED");
    }

    @Test
    @Order(4)
    void aSelfSignedCertificateClaimingARealUsccCannotLogIn() {
        TestPki.Leaf impostor = pki.leaf().keySlot(80).selfSigned().build();

        Api.Answer a = Logins.answer(anonymous, impostor, true);

        assertThat(a.status()).isEqualTo(401);
        assertThat(a.code()).isEqualTo("AUTH_FAILED");
    }

    @Test
    @Order(5)
    void signaturesWithAndWithoutSignedAttributesLogInAndTheTokenNamesTheRoles() {
        Api.Answer withAttrs = Logins.answer(anonymous, leafA, true);
        Api.Answer without = Logins.answer(anonymous, leafA, false);
        Api.Answer county = Logins.answer(anonymous, leafCounty, false);

        assertThat(withAttrs.status()).as(withAttrs.text()).isEqualTo(200);
        assertThat(without.status()).as(without.text()).isEqualTo(200);
        assertThat(withAttrs.json().path("token_type").asText()).isEqualTo("Bearer");
        assertThat(withAttrs.json().path("expires_in").asLong()).isBetween(1L, 3600L);
        assertThat(withAttrs.json().path("principal").path("uscc").asText()).isEqualTo(USCC_A);
        assertThat(withAttrs.json().path("principal").path("roles").toString()).isEqualTo("[\"OPERATOR\"]");
        assertThat(county.json().path("principal").path("roles").toString()).isEqualTo("[\"REGULATOR\"]");
        assertThat(county.json().path("principal").path("jurisdictions").toString()).isEqualTo("[\"140525\"]");
    }

    @Test
    @Order(8)
    void aTokenStopsWorkingAsSoonAsItsCertificateIsRevokedInTheTrustDirectory() throws Exception {
        TestPki.Leaf leaf = pki.leaf().keySlot(81).commonName("泽州县金岭建材矿业有限公司 (later revoked)").build();
        Api operator = anonymous.loggedInAs(leaf);
        String id = filings.get("A1").id();
        assertThat(operator.get("/api/v1/submissions/" + id).status()).isEqualTo(200);

        TestPki.writePem(dataDir.resolve("trust/issuing-revoking-2.crl"), pki.crl(pki.issuing(),
                Instant.now().minus(30, ChronoUnit.MINUTES), Instant.now().plus(7, ChronoUnit.DAYS),
                Instant.now().minus(1, ChronoUnit.MINUTES), leafRevoked.cert(), leaf.cert()));
        Thread.sleep(1100); // the trust directory is looked at again after a second

        Api.Answer after = operator.get("/api/v1/submissions/" + id);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.withToken(tokens.get("A")).get("/api/v1/submissions/" + id).status())
                .as("another certificate of the same enterprise still reads").isEqualTo(200);
    }
}
