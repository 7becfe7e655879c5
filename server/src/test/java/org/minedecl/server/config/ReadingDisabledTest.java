package org.minedecl.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minedecl.server.support.Api;

/** Without the development flag the reading endpoints answer 403 READING_DISABLED; the public ones answer. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingDisabledTest implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("minedecl.data-dir", Files.createTempDirectory("minedecl-noread").toString(),
                    "micronaut.server.port", "-1");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readingEndpointsAreForbiddenWithACodeUnlessTheDevelopmentFlagIsSet() {
        Api api = new Api(server.getURI());
        for (String path : new String[] {"/api/v1/submissions", "/api/v1/submissions/x", "/api/v1/submissions/x/package",
            "/api/v1/submissions/x/receipt", "/api/v1/abnormal-list?jurisdiction=140525",
            "/api/v1/submissions/x/decisions", "/api/v1/missing-filings?period=2026Q3",
            "/api/v1/statistics?period=2026Q3"}) {
            Api.Answer a = api.get(path);
            assertThat(a.status()).as(path).isEqualTo(403);
            assertThat(a.code()).as(path).isEqualTo("READING_DISABLED");
        }
    }

    @Test
    void theServerCertificateRulesHealthAndOpenApiStayPublic() {
        Api api = new Api(server.getURI());

        assertThat(api.get("/api/v1/server-certificate").text()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(api.get("/health").status()).isEqualTo(200);
        Api.Answer rules = api.get("/api/v1/rules");
        assertThat(rules.status()).isEqualTo(200);
        assertThat(rules.json().path("packs").findValuesAsText("id")).contains("CORE");
        Api.Answer openapi = api.get("/api/v1/openapi.yml");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.text()).contains("openapi: 3.").contains("/api/v1/submissions:");
    }
}
