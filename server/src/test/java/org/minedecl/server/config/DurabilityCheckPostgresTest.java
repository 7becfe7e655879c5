package org.minedecl.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minedecl.server.support.Postgres;

/** SECURITY-TESTS D2: the server refuses a PostgreSQL that acknowledges commits before they are durable. */
@Tag("postgres")
class DurabilityCheckPostgresTest {

    private static Map<String, Object> settings(String database) throws Exception {
        return Map.of("datasources.default.url", Postgres.url(database), "datasources.default.username",
                Postgres.USER, "datasources.default.password", "", "minedecl.data-dir",
                Files.createTempDirectory("minedecl-durability").toString(),
                "micronaut.server.port", "-1");
    }

    @Test
    void theServerRefusesToStartWhenSynchronousCommitIsOff() throws Exception {
        String database = Postgres.createScratch();
        try {
            Postgres.execute("ALTER DATABASE " + database + " SET synchronous_commit = off");

            assertThatThrownBy(() -> ApplicationContext.run(settings(database)).close())
                    .isInstanceOf(BeanInstantiationException.class)
                    .hasStackTraceContaining("synchronous_commit = off");
        } finally {
            Postgres.drop(database);
        }
    }

    @Test
    void theServerStartsWhenFsyncAndSynchronousCommitAreOn() throws Exception {
        String database = Postgres.createScratch();
        try (ApplicationContext ctx = ApplicationContext.run(settings(database))) {
            assertThat(ctx.getBean(DurabilityCheck.class)).isNotNull();
            assertThat(ctx.isRunning()).isTrue();
        } finally {
            Postgres.drop(database);
        }
    }
}
