package org.minedecl.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.shared.pkg.PackageAttachment;
import org.minedecl.shared.testpki.TestPki;
import picocli.CommandLine;

/** What a new user found wrong with the command line, each with the test that failed before the mend. */
class CliMendsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"sign", "verify", "submit", "keygen", "receipt", "receipt verify", "validate"})
    void helpWorksOnEveryCommandWithoutItsRequiredParameters(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");

        CliRun r = CliRun.of(args.toArray(new String[0]));

        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).startsWith("Usage: minedecl " + command);
        assertThat(r.err()).doesNotContain("Missing required");
    }

    @Test
    void chineseIsWrittenAsUtf8EvenWhenTheLocaleIsNot() throws Exception {
        Path decl = Files.write(tmp.resolve("d.json"), TestPki.exampleDeclaration());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dfile.encoding=ANSI_X3.4-1968", "-Dsun.stdout.encoding=ANSI_X3.4-1968",
                "-Dsun.stderr.encoding=ANSI_X3.4-1968", "org.minedecl.client.Main", "validate", decl.toString(),
                "--as-of", "2026-10-10");
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(text).contains("合计：错误 0").doesNotContain("??");
        assertThat(p.exitValue()).as(text).isEqualTo(0);
    }

    @Test
    void validateCountsTodayInShanghaiLikeTheServerWhateverTheSystemZone() throws Exception {
        Path decl = Files.write(tmp.resolve("d.json"), TestPki.exampleDeclaration());
        TimeZone old = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            ValidateCommand validate = new ValidateCommand();
            // 17:00 UTC on 15 October is 01:00 on 16 October in Beijing: one day after the 2026Q3 deadline
            validate.clock = BusinessClock.fixed(Instant.parse("2026-10-15T17:00:00Z"));
            StringWriter out = new StringWriter();
            CommandLine cl = new CommandLine(validate);
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(new StringWriter()));

            int exit = cl.execute(decl.toString(), "--lang", "en");

            assertThat(exit).isEqualTo(0);
            assertThat(out.toString()).contains("signing date 2026-10-16").contains("CORE-LATE-01");
        } finally {
            TimeZone.setDefault(old);
        }
    }

    private String[] signArgs(byte[] declaration, String... extra) throws Exception {
        Path decl = Files.write(tmp.resolve("d.json"), declaration);
        List<PackageAttachment> att = TestPki.exampleAttachments(tmp.resolve("att"));
        Path ks = TestPki.get(TestPki.KeyAlg.EC).leaf().build().writePkcs12(tmp.resolve("ks.p12"),
                "pw".toCharArray());
        Path pass = Files.writeString(tmp.resolve("pass"), "pw\n");
        List<String> args = new ArrayList<>(List.of("sign", decl.toString(), "--keystore", ks.toString(),
                "--storepass-file", pass.toString(), "--attach", att.get(0).file().toString(), "--attach",
                att.get(1).file().toString(), "--as-of", "2026-10-10", "-o", tmp.resolve("q3.asice").toString()));
        args.addAll(List.of(extra));
        return args.toArray(new String[0]);
    }

    private static byte[] withShortfall() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode d = (ObjectNode) json.readTree(TestPki.exampleDeclaration());
        ObjectNode fund = (ObjectNode) d.get("restorationFund");
        fund.put("deposited", "30000.00");
        fund.put("closingBalance", "1245000.00");
        return json.writeValueAsBytes(d);
    }

    @Test
    void signSaysWhichFlagsItIsAboutToSignInChinese() throws Exception {
        CliRun r = CliRun.of(signArgs(withShortfall()));

        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("注意：这份申报带着 1 个标记（FLAG）签署")
                .contains("标记 FLAG（可受理，进入监管复核队列） (1)").contains("CORE-FUND-02 [ABNORMAL_LIST]")
                .contains("（含 1 个标记 FLAG）");
    }

    @Test
    void signSaysWhichFlagsItIsAboutToSignInEnglish() throws Exception {
        CliRun r = CliRun.of(signArgs(withShortfall(), "--lang", "en"));

        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("Note: this declaration is signed with 1 FLAG finding(s)")
                .contains("CORE-FUND-02 [ABNORMAL_LIST]").contains("(with 1 FLAG finding(s))");
    }

    @Test
    void signWithoutFlagsSaysNothingAboutThem() throws Exception {
        CliRun r = CliRun.of(signArgs(TestPki.exampleDeclaration()));

        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).doesNotContain("FLAG");
    }
}
