package org.minedecl.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minedecl.server.support.Api;
import org.minedecl.server.support.Declarations;
import org.minedecl.server.support.Postgres;
import org.minedecl.server.support.SignedPackages;

/**
 * Two instances of the real server jar behind one PostgreSQL, as the operations guide describes them ("Several
 * instances behind a load balancer"): the same receipt key, their own data directories. The races that matter are
 * settled by the database: the identical package (a first filing, then an amendment of it) uploaded to both at once
 * is stored once and every answer carries the one receipt; of two different first filings for the same licence and quarter, sent to both at once, exactly
 * one is accepted and the other is 409 {@code PERIOD_ALREADY_FILED}.
 */
@Tag("process")
@Tag("postgres")
class TwoInstancesPostgresIT {
    private static final int IDENTICAL_PER_INSTANCE = 25;
    private static final int FILING_RACES = 10;

    @Test
    void racesBetweenTwoInstancesAreSettledByTheDatabase() throws Exception {
        String db = Postgres.createScratch();
        Path root = Files.createTempDirectory("minedecl-two");
        Path log = root.resolve("server.log");
        SignedPackages packages = new SignedPackages(root.resolve("work"));
        ExecutorService pool = Executors.newFixedThreadPool(2 * IDENTICAL_PER_INSTANCE);
        try {
            Map<String, String> env = new HashMap<>(Map.of("DATASOURCES_DEFAULT_URL", Postgres.url(db),
                    "DATASOURCES_DEFAULT_USERNAME", Postgres.USER, "DATASOURCES_DEFAULT_PASSWORD", ""));
            Path dataA = root.resolve("a");
            Path dataB = root.resolve("b");
            packages.installTrust(dataA.resolve("trust"));
            packages.installTrust(dataB.resolve("trust"));
            try (ServerProcess a = ServerProcess.start(dataA, "256m", env, log)) {
                // the second instance signs with the receipt key the first one generated
                env.put("MINEDECL_RECEIPT_KEY", dataA.resolve("receipt-key.pem").toString());
                env.put("MINEDECL_RECEIPT_CERTIFICATE", dataA.resolve("receipt-cert.pem").toString());
                try (ServerProcess b = ServerProcess.start(dataB, "256m", env, log)) {
                    List<Api> both = List.of(new Api(a.uri()), new Api(b.uri()));
                    assertThat(both.get(1).get("/api/v1/server-certificate").text())
                            .isEqualTo(both.get(0).get("/api/v1/server-certificate").text());

                    // the identical package, 25 times to each instance at once
                    byte[] pkg = packages.sign(Declarations.example());
                    List<Api.Answer> answers = all(pool, both, i -> pkg, 2 * IDENTICAL_PER_INSTANCE);
                    assertThat(answers).extracting(Api.Answer::status).containsOnly(200, 201);
                    assertThat(answers).filteredOn(x -> x.status() == 201).hasSize(1);
                    assertThat(answers).extracting(x -> x.json().path("receipt").path("receiptId").asText())
                            .containsOnly(answers.get(0).json().path("receipt").path("receiptId").asText());
                    assertThat(count(db, "SELECT count(*) FROM submission")).isEqualTo(1);

                    // the identical amendment of that filing, likewise
                    String original = answers.get(0).json().path("receipt").path("receiptId").asText();
                    byte[] amendment = packages.sign(Declarations.example().licence(licenceOf(answers.get(0)))
                            .amends(original));
                    List<Api.Answer> amended = all(pool, both, i -> amendment, 2 * IDENTICAL_PER_INSTANCE);
                    assertThat(amended).as("%s", codes(amended)).extracting(Api.Answer::status)
                            .containsOnly(200, 201);
                    assertThat(amended).filteredOn(x -> x.status() == 201).hasSize(1);
                    assertThat(amended).extracting(x -> x.json().path("receipt").path("receiptId").asText())
                            .containsOnly(amended.get(0).json().path("receipt").path("receiptId").asText());
                    assertThat(count(db, "SELECT count(*) FROM submission")).isEqualTo(2);

                    // two different first filings of one licence and quarter, one to each instance at once
                    for (int race = 0; race < FILING_RACES; race++) {
                        String licence = Declarations.example().licence();
                        List<byte[]> rivals = List.of(
                                packages.sign(Declarations.example().licence(licence).declarantName("甲")),
                                packages.sign(Declarations.example().licence(licence).declarantName("乙")));
                        List<Api.Answer> r = all(pool, both, rivals::get, 2);
                        assertThat(r).as("race %d: %s", race, r).extracting(Api.Answer::status)
                                .containsExactlyInAnyOrder(201, 409);
                        assertThat(r).filteredOn(x -> x.status() == 409).extracting(Api.Answer::code)
                                .containsExactly("PERIOD_ALREADY_FILED");
                    }
                    assertThat(count(db, "SELECT count(*) FROM submission")).isEqualTo(2 + FILING_RACES);
                    assertThat(count(db, "SELECT count(*) FROM period_filing")).isEqualTo(1 + FILING_RACES);
                    System.out.println("TWO INSTANCES on one PostgreSQL: " + answers.size() + " identical uploads -> "
                            + "1 row; as many identical amendments -> 1 row; " + FILING_RACES + " races of two first filings -> one 201 and one 409 each");
                }
            }
        } finally {
            pool.shutdownNow();
            Postgres.drop(db);
        }
    }

    /** {@code n} uploads at once, alternating between the instances; upload {@code i} sends {@code body(i)}. */
    private static List<Api.Answer> all(ExecutorService pool, List<Api> instances,
                                        java.util.function.IntFunction<byte[]> body, int n) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Answer>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            fs.add(pool.submit(() -> {
                start.await();
                return instances.get(k % instances.size()).upload(body.apply(k));
            }));
        }
        start.countDown();
        List<Api.Answer> out = new ArrayList<>();
        for (Future<Api.Answer> f : fs) {
            out.add(f.get());
        }
        return out;
    }

    private static String licenceOf(Api.Answer a) {
        return a.json().path("receipt").path("miningLicence").asText();
    }

    private static Map<Integer, List<String>> codes(List<Api.Answer> answers) {
        Map<Integer, List<String>> out = new java.util.TreeMap<>();
        for (Api.Answer a : answers) {
            out.computeIfAbsent(a.status(), k -> new ArrayList<>()).add(a.status() >= 400 ? a.code() : "");
        }
        return out;
    }

    private static long count(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(Postgres.url(db), Postgres.USER, "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
