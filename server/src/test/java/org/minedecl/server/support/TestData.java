package org.minedecl.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh data directory for a test server whose trust directory already trusts the test PKI, and the signer
 * of packages for it (working files beside the data directory, never inside it).
 */
public record TestData(Path dataDir, SignedPackages packages) {
    public static TestData create(String prefix) {
        try {
            Path dataDir = Files.createTempDirectory(prefix);
            SignedPackages packages = new SignedPackages(dataDir.resolveSibling(dataDir.getFileName() + "-work"));
            packages.installTrust(dataDir.resolve("trust"));
            return new TestData(dataDir, packages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
