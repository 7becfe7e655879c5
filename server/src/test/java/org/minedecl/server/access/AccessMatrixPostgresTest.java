package org.minedecl.server.access;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.minedecl.server.support.Postgres;

/** The access matrix on PostgreSQL: a scratch database per run, dropped afterwards. */
@Tag("postgres")
@MicronautTest(transactional = false)
class AccessMatrixPostgresTest extends AccessMatrixContract {
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
