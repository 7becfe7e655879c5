package org.minedecl.server.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiptKeyServiceTest {

    @Test
    void theReceiptKeyIsGeneratedOnFirstStartAndKeptAcrossRestarts() throws Exception {
        Path dir = Files.createTempDirectory("minedecl-key");
        Map<String, Object> props = Map.of("minedecl.data-dir", dir.toString());
        String first;
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            first = ctx.getBean(ReceiptKeyService.class).certificatePem();
        }
        String second;
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            second = ctx.getBean(ReceiptKeyService.class).certificatePem();
        }

        assertThat(Files.exists(dir.resolve("receipt-key.pem"))).isTrue();
        assertThat(Files.readString(dir.resolve("receipt-key.pem"))).contains("BEGIN PRIVATE KEY");
        assertThat(second).isEqualTo(first).startsWith("-----BEGIN CERTIFICATE-----");
    }
}
