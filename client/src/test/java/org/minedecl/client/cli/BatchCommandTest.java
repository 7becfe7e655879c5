package org.minedecl.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.shared.rules.RuleVectors;
import org.minedecl.shared.testpki.TestPki;

class BatchCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path decls;
    Path ks;
    Path pass;

    @BeforeEach
    void folder() throws Exception {
        decls = Files.createDirectories(tmp.resolve("decls"));
        for (int i = 1; i <= 2; i++) {
            ObjectNode d = RuleVectors.example();
            ((ObjectNode) d.get("mine")).put("name", "金岭矿" + i);
            Files.write(decls.resolve("mine" + i + ".json"), JSON.writeValueAsBytes(d));
            TestPki.exampleAttachments(decls.resolve("mine" + i));
        }
        ObjectNode bad = RuleVectors.example();
        ((ObjectNode) bad.get("enterprise")).put("uscc", "91140525MA0JX7RP18");
        Files.write(decls.resolve("mine3.json"), JSON.writeValueAsBytes(bad));
        ks = TestPki.get(TestPki.KeyAlg.EC).leaf().build().writePkcs12(tmp.resolve("ks.p12"), "pw".toCharArray());
        pass = Files.writeString(tmp.resolve("pass.txt"), "pw\n");
    }

    @Test
    void batchValidatePrintsOneTableRowPerFileAndExitsOneWhenAnyHasErrors() throws Exception {
        CliRun text = CliRun.of("batch", "validate", decls.toString(), "--as-of", "2026-10-10", "--lang", "en");
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("mine1.json\t金岭矿1\t0\t").contains("mine3.json\t金岭水泥用灰岩矿\t1\t")
                .contains("CORE-USCC-01").contains("Summary: 3 declarations, 1 with errors");

        CliRun json = CliRun.of("batch", "validate", decls.toString(), "--as-of", "2026-10-10", "--format", "json");
        JsonNode results = JSON.readTree(json.out()).get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(2).get("first").get("ruleId").asText()).isEqualTo("CORE-USCC-01");
        assertThat(results.get(0).get("errors").asInt()).isZero();
    }

    @Test
    void batchSignSignsWhatIsSignableAndAWrongPasswordSignsNothing() throws Exception {
        Path out = tmp.resolve("signed");
        Path wrong = Files.writeString(tmp.resolve("wrong.txt"), "nope\n");
        CliRun refused = CliRun.of("batch", "sign", decls.toString(), "--out", out.toString(), "--keystore",
                ks.toString(), "--storepass-file", wrong.toString(), "--as-of", "2026-10-10");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(out).doesNotExist();

        CliRun r = CliRun.of("batch", "sign", decls.toString(), "--out", out.toString(), "--keystore", ks.toString(),
                "--storepass-file", pass.toString(), "--as-of", "2026-10-10", "--lang", "en");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("[1/3] mine1.json").contains("[3/3] mine3.json");
        assertThat(r.out()).contains("Summary: 3 declarations, 2 signed, 0 signed before, 1 not signed");
        assertThat(out.resolve("mine1.asice")).exists();
        assertThat(out.resolve("mine3.asice")).doesNotExist();
    }

    @Test
    void batchUsageErrorsAreSaidInTheChosenLanguage() {
        CliRun en = CliRun.of("batch", "validate", decls.toString(), "--format", "xml", "--lang", "en");
        assertThat(en.exit()).isEqualTo(2);
        assertThat(en.err()).contains("minedecl batch validate: --format must be text or json, not xml");
        CliRun zh = CliRun.of("batch", "validate", decls.toString(), "--format", "xml", "--lang", "zh");
        assertThat(zh.err()).contains("--format 只能是 text 或 json，不能是 xml");
        CliRun lang = CliRun.of("batch", "submit", decls.toString(), "--server", "http://127.0.0.1:9", "--lang", "fr");
        assertThat(lang.exit()).isEqualTo(2);
        assertThat(lang.err()).contains("minedecl batch submit: --lang");
        assertThat(lang.err()).doesNotContain("!cli.");
    }
}
