package org.minedecl.server.hostile;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.minedecl.server.support.Postgres;

/** The hostile uploads against PostgreSQL: a scratch database per run, dropped afterwards. */
@Tag("postgres")
@MicronautTest(transactional = false)
class HostileUploadPostgresTest extends HostileUploadContract {
    private String database;

    @Override
    public Map<String, String> getProperties() {
        database = Postgres.createScratch();
        return Postgres.datasource(commonProperties(), database);
    }

    @AfterAll
    void dropDatabase() {
        Postgres.drop(database);
    }
}
