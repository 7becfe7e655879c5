package org.minedecl.server.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.minedecl.shared.testpki.TestPki;

/**
 * Logged-in users for the API tests: an administrator whose certificate is in the data directory's {@code admins/}
 * (install it before the server starts), and regulators it registers.
 */
public final class TestUsers {
    private static final TestPki PKI = TestPki.get(TestPki.KeyAlg.EC);
    private static final TestPki.Leaf ADMIN = PKI.leaf().keySlot(85).noUscc().commonName("minedecl 测试管理员").build();

    private TestUsers() {
    }

    /** Writes the test administrator's certificate into {@code <dataDir>/admins/}. */
    public static void installAdmin(Path dataDir) {
        try {
            Files.createDirectories(dataDir.resolve("admins"));
            TestPki.writePem(dataDir.resolve("admins/test-admin.pem"), ADMIN.cert());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String adminToken(Api anonymous) {
        return Logins.token(anonymous, ADMIN);
    }

    /** Registers a new regulator certificate for these jurisdictions and returns the regulator's token. */
    public static String regulatorToken(Api anonymous, String name, String... jurisdictions) {
        TestPki.Leaf leaf = PKI.leaf().keySlot(86).noUscc().commonName(name).build();
        Api admin = anonymous.withToken(adminToken(anonymous));
        Api.Answer a = admin.postJson("/api/v1/admin/regulators", "{\"certificate\":\""
                + TestPki.pem(leaf.cert()).replace("\n", "\\n") + "\",\"name\":\"" + name + "\",\"jurisdictions\":[\""
                + String.join("\",\"", jurisdictions) + "\"]}");
        if (a.status() != 201) {
            throw new AssertionError("registration refused (" + a.status() + "): " + a.text());
        }
        return Logins.token(anonymous, leaf);
    }
}
