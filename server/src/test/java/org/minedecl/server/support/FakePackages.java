package org.minedecl.server.support;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.minedecl.server.trust.PackageCheck;
import org.minedecl.server.trust.TrustStore;
import org.minedecl.shared.pkg.CheckResult;
import org.minedecl.shared.pkg.VerificationReport;

/**
 * TEMPORARY test double until the shared package verifier lands on main: a "package" is {@code FAKEPKG\n}
 * followed by the declaration JSON; anything else is PACKAGE_INVALID. Active only with
 * {@code minedecl.test.fake-packages=true}.
 */
@Singleton
@Replaces(PackageCheck.class)
@Requires(property = "minedecl.test.fake-packages", value = "true")
public class FakePackages extends PackageCheck {
    public static final byte[] MAGIC = "FAKEPKG\n".getBytes(StandardCharsets.US_ASCII);
    public static final Instant SIGNED_AT = Instant.parse("2026-10-10T02:00:00Z");

    public FakePackages(TrustStore trust) {
        super(trust);
    }

    public static byte[] wrap(String declarationJson) {
        byte[] d = declarationJson.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(MAGIC, MAGIC.length + d.length);
        System.arraycopy(d, 0, out, MAGIC.length, d.length);
        return out;
    }

    @Override
    public VerificationReport verify(Path asice, Instant receivedAt) {
        try {
            byte[] all = Files.readAllBytes(asice);
            if (all.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
                return new VerificationReport(List.of(new CheckResult("container.zip", false, "NOT_A_ZIP",
                        "PACKAGE_INVALID", "not a package")), null, null, null);
            }
            return new VerificationReport(List.of(new CheckResult("fake", true, null, null, null)),
                    Arrays.copyOfRange(all, MAGIC.length, all.length), null, SIGNED_AT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
