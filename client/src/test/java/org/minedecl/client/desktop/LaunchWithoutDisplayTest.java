package org.minedecl.client.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code minedecl} with no command and no display: one line on stderr, exit 2, no stack trace. */
class LaunchWithoutDisplayTest {
    @TempDir
    Path home;

    int run(List<String> args, StringBuilder err) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.minedecl.client.Main"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("MINEDECL_HOME", home.toString());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        err.append(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void noCommandWithoutADisplaySaysSoInOneLine() throws Exception {
        StringBuilder err = new StringBuilder();
        assertThat(run(List.of(), err)).isEqualTo(DesktopApp.NO_DISPLAY);
        assertThat(err.toString().strip()).contains("DISPLAY").doesNotContain("Exception").doesNotContain("\n");
    }

    @Test
    void theDesktopCommandWithoutADisplaySaysSoInOneLine() throws Exception {
        StringBuilder err = new StringBuilder();
        assertThat(run(List.of("desktop", "--open", "x.json"), err)).isEqualTo(DesktopApp.NO_DISPLAY);
        assertThat(err.toString().strip()).startsWith("minedecl：没有图形显示").doesNotContain("\n");
    }
}
