package org.minedecl.server.apidoc;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/v1/openapi.yml}: the API description (kept beside the code, in {@code resources/openapi}). */
@Controller("/api/v1/openapi.yml")
public class OpenApiController {
    private final byte[] document;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getResourceAsStream("/openapi/openapi.yml")) {
            if (in == null) {
                throw new IllegalStateException("openapi/openapi.yml missing from the build");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(produces = "application/yaml")
    public HttpResponse<byte[]> openApi() {
        return HttpResponse.ok(document);
    }
}
