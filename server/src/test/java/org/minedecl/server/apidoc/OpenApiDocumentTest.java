package org.minedecl.server.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minedecl.server.support.Api;
import org.minedecl.server.support.TestData;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document the server serves ({@code GET /api/v1/openapi.yml}, from
 * {@code server/src/main/resources/openapi/openapi.yml}) describes exactly the routes it answers, so it cannot drift
 * from the controllers; and an independent linter finds no error in it (issue 13, point 7).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest implements TestPropertyProvider {
    /** Routes served but deliberately not described, each with why. */
    private static final Map<String, String> NOT_DESCRIBED = Map.of(
            "GET /health/{}", "Micronaut's per-indicator health (details are never shown); /health is described");
    /** The Redocly CLI version .ci/run installs. */
    static final String REDOCLY_VERSION = "2.77.0";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    @Inject
    Router router;
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("minedecl.data-dir", TestData.create("minedecl-openapi").dataDir().toString(),
                "micronaut.server.port", "-1");
    }

    private byte[] served() {
        Api.Answer a = new Api(server.getURI()).get("/api/v1/openapi.yml");
        assertThat(a.status()).isEqualTo(200);
        return a.body();
    }

    /** {@code /api/v1/submissions/{id}} and {@code /api/v1/submissions/{submissionId}} are the same route. */
    private static String normalized(String method, String path) {
        String p = path.replaceAll("\\{[^}]*}", "{}");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return method.toUpperCase(Locale.ROOT) + " " + p;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRouteIsInTheOpenApiDocumentAndEveryDocumentedOperationIsARoute() {
        Set<String> routes = new TreeSet<>();
        router.uriRoutes().forEach(r -> {
            if (r.getHttpMethod() != HttpMethod.HEAD && r.getHttpMethod() != HttpMethod.OPTIONS) {
                routes.add(normalized(r.getHttpMethodName(), r.getUriMatchTemplate().toPathString()));
            }
        });
        Map<String, Object> doc = new Yaml().load(new String(served(), StandardCharsets.UTF_8));
        Set<String> documented = new TreeSet<>();
        ((Map<String, Object>) doc.get("paths")).forEach((path, item) -> ((Map<String, Object>) item).keySet()
                .stream().filter(METHODS::contains).forEach(m -> documented.add(normalized(m, path))));

        List<String> undocumented = new ArrayList<>();
        for (String r : routes) {
            if (!documented.contains(r) && !NOT_DESCRIBED.containsKey(r)) {
                undocumented.add(r);
            }
        }
        List<String> notServed = new ArrayList<>();
        for (String d : documented) {
            if (!routes.contains(d)) {
                notServed.add(d);
            }
        }

        assertThat(undocumented).as("routes the server answers that server/src/main/resources/openapi/openapi.yml "
                + "does not describe: add each under paths (with its parameters, answers and security)").isEmpty();
        assertThat(notServed).as("operations openapi.yml describes that no controller serves: remove them or fix "
                + "the path").isEmpty();
        assertThat(routes).as("the route walk found the API").contains("POST /api/v1/submissions");
    }

    /** REDOCLY, else the one .ci/run installs into build/npm above the working directory, else redocly on PATH. */
    private static String redocly() {
        String set = System.getenv("REDOCLY");
        if (set != null && !set.isBlank()) {
            return set;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path bin = dir.resolve("build/npm/node_modules/.bin/redocly");
            if (Files.isExecutable(bin)) {
                return bin.toString();
            }
        }
        return "redocly";
    }

    @Test
    @Tag("openapi-lint")
    void redoclyFindsNoErrorInTheServedDocument() throws Exception {
        String redocly = redocly();
        Path file = Files.createTempFile("openapi", ".yml");
        Files.write(file, served());
        Process p;
        try {
            p = new ProcessBuilder(redocly, "lint", "--extends=recommended", "--format=stylish", file.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            System.out.println("SKIPPED: Redocly CLI not found (" + redocly + "): run `npm install --prefix build/npm "
                    + "@redocly/cli@" + REDOCLY_VERSION + "` (as .ci/run does) or set REDOCLY to its path");
            org.junit.jupiter.api.Assumptions.abort("Redocly CLI not installed");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println("REDOCLY LINT (recommended rules) of the served document:\n" + out);

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as(out).doesNotContainIgnoringCase(" error ");
    }
}
