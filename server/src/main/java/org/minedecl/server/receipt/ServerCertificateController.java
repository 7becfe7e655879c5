package org.minedecl.server.receipt;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** {@code GET /api/v1/server-certificate}: the receipt-signing certificate (PEM), so anyone can check receipts. */
@Controller("/api/v1/server-certificate")
public class ServerCertificateController {
    private final ReceiptKeyService keys;

    public ServerCertificateController(ReceiptKeyService keys) {
        this.keys = keys;
    }

    @Get(produces = "application/x-pem-file")
    public HttpResponse<String> certificate() {
        return HttpResponse.ok(keys.certificatePem());
    }
}
