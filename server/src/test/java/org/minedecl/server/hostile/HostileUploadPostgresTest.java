package org.minedecl.server.hostile;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
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
        Map<String, String> p = new HashMap<>(commonProperties());
        p.put("datasources.default.url", Postgres.url(database));
        p.put("datasources.default.username", Postgres.USER);
        p.put("datasources.default.password", "");
        return p;
    }

    @AfterAll
    void dropDatabase() {
        Postgres.drop(database);
    }
}
