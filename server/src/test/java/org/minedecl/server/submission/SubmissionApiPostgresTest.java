package org.minedecl.server.submission;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minedecl.server.support.Api;
import org.minedecl.server.support.Declarations;
import org.minedecl.server.support.Postgres;
import org.minedecl.server.support.Rows;

/** The API on PostgreSQL: a scratch database per run, dropped afterwards. */
@Tag("postgres")
@MicronautTest(transactional = false)
class SubmissionApiPostgresTest extends SubmissionApiContract {
    private String database;

    @Override
    public Map<String, String> getProperties() {
        database = Postgres.createScratch();
        return Postgres.datasource(commonProperties(), database);
    }

    /**
     * PostgreSQL restarted, or a network device dropped the server's connections: the pool's connections are all
     * dead at once. Uploads may then be refused with 503 {@code STORAGE_UNAVAILABLE} (never a 500), nothing of them
     * kept, until the pool has replaced its dead connections; then the server takes uploads again by itself.
     */
    @Test
    void droppedDatabaseConnectionsAreAt503WorstAndTheServerRecoversByItself() {
        assertThat(api.upload(pkg(Declarations.example())).status()).isEqualTo(201);
        long before = Rows.count(dataSource, "SELECT COUNT(*) FROM submission");
        Postgres.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                + "' AND pid <> pg_backend_pid()");
        List<String> answers = new ArrayList<>();
        int accepted = 0;
        // each refused upload costs the pool one dead connection (it holds at most 16): then they are all new
        for (int i = 0; i < 20 && accepted < 3; i++) {
            Api.Answer a = api.upload(pkg(Declarations.example()));
            answers.add(a.status() + (a.status() >= 400 ? " " + a.code() : ""));
            accepted = a.status() == 201 ? accepted + 1 : 0;
        }
        System.out.println("DROPPED CONNECTIONS: answers " + answers);
        assertThat(answers).containsOnly("201", "503 STORAGE_UNAVAILABLE");
        assertThat(accepted).as("%s", answers).isEqualTo(3);
        assertThat(Rows.count(dataSource, "SELECT COUNT(*) FROM submission"))
                .isEqualTo(before + answers.stream().filter("201"::equals).count());
    }

    @AfterAll
    void dropDatabase() {
        Postgres.drop(database);
    }
}
