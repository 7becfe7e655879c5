package org.minedecl.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minedecl.server.support.Api;
import org.minedecl.server.support.Declarations;
import org.minedecl.server.support.SignedPackages;

/**
 * SECURITY-TESTS D3: the data directory's disk fills up while uploads are stored. The real server jar runs on a
 * small tmpfs of its own; a ballast file leaves less and less room, one fresh upload at each step, so that the disk
 * runs out while the upload is spooled, while the database commits, and in between. Every upload must get either
 * its receipt (and then be stored whole) or 503 {@code STORAGE_UNAVAILABLE} (and then nothing of it stays), never
 * another answer; once room is made again the same server process must take uploads again by itself, and all that
 * it receipted must still be there, byte-identical, after a restart too. Meanwhile {@code /health} is DOWN (503),
 * so that a load balancer sends uploads elsewhere, and UP again once there is room.
 *
 * <p>Needs root (to mount the tmpfs): skipped, saying so, elsewhere.
 */
@Tag("process")
class DiskFullIT {
    private static final long DISK_BYTES = 64L << 20;
    /** Room left at each step, from 512 KiB down to nothing, in steps of 8 KiB. */
    private static final int STEP = 8 * 1024;
    private static final int STEPS = 65;

    @Test
    void aFullDiskRefusesUploadsWithNothingKeptAndTheServerRecoversByItself() throws Exception {
        Path root = Files.createTempDirectory("minedecl-diskfull");
        Path disk = Files.createDirectories(root.resolve("disk"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + DISK_BYTES, "tmpfs", disk.toString()) == 0,
                "mounting a tmpfs needs root; D3 is not tested here");
        try {
            diskFills(root, disk);
        } finally {
            run("umount", "-l", disk.toString());
        }
    }

    private void diskFills(Path root, Path disk) throws Exception {
        Path dataDir = disk.resolve("data");
        Path log = root.resolve("server.log");
        SignedPackages packages = new SignedPackages(root.resolve("work"));
        packages.installTrust(dataDir.resolve("trust"));
        Map<String, byte[]> receipted = new LinkedHashMap<>();
        Map<Integer, Integer> answers = new TreeMap<>();
        // the health check is DOWN below 1 MB free on this small disk (100 MB by default)
        Map<String, String> env = Map.of("ENDPOINTS_HEALTH_DISK_SPACE_THRESHOLD", "1MB");
        try (ServerProcess server = ServerProcess.start(dataDir, "256m", env, log)) {
            Api api = new Api(server.uri()).loggedInAs(packages.leaf());
            upload(api, packages.sign(Declarations.example()), receipted, answers); // the database is in use
            Path ballast = disk.resolve("ballast");
            List<String> refused = new ArrayList<>();
            for (int step = STEPS - 1; step >= 0; step--) {
                fill(ballast, (long) step * STEP);
                byte[] pkg = packages.sign(Declarations.example());
                int status = upload(api, pkg, receipted, answers);
                if (status != 201) {
                    refused.add(api.get("/api/v1/submissions?size=1").json().path("total").asText());
                }
            }
            assertThat(api.get("/health").status()).as("health with the disk full").isEqualTo(503);
            Files.delete(ballast);
            assertThat(api.get("/health").status()).as("health with room again").isEqualTo(200);
            // H2 closes its database for good after a failed write; the pool drops those connections one by one as
            // requests meet them (ClosedDatabaseEviction) and the next opens the database again: by itself, within
            // a bounded time, without a restart
            long recovering = System.nanoTime();
            while (api.get("/api/v1/submissions?size=1").status() != 200) {
                assertThat(System.nanoTime() - recovering).as("reads work again within 30 s of room")
                        .isLessThan(30_000_000_000L);
                Thread.sleep(100);
            }
            System.out.println("DISK FULL: reads worked again " + (System.nanoTime() - recovering) / 1_000_000
                    + " ms after the disk had room");
            System.out.println("DISK FULL: answers by status " + answers + " over " + (STEPS + 1) + " uploads; "
                    + "rows after each refusal " + refused + " (server log " + log + ")");
            assertThat(answers.keySet()).as("answers by status").containsOnly(201, 503);
            assertThat(answers.get(503)).as("uploads refused for want of room").isPositive();
            // a refusal left nothing: the rows are exactly the receipted uploads, and no temp file remains
            assertThat(api.get("/api/v1/submissions?size=1").json().path("total").asLong())
                    .isEqualTo(receipted.size());
            assertThat(tmpFiles(dataDir)).isZero();

            // room again: the same process takes uploads without a restart
            for (int i = 0; i < 3; i++) {
                assertThat(upload(api, packages.sign(Declarations.example()), receipted, answers))
                        .as("upload %d after the disk had room again", i).isEqualTo(201);
            }
            assertStored(api, receipted);
        }
        try (ServerProcess server = ServerProcess.start(dataDir, "256m", env, log)) {
            Api api = new Api(server.uri()).loggedInAs(packages.leaf());
            assertStored(api, receipted);
            assertThat(api.get("/api/v1/submissions?size=1").json().path("total").asLong())
                    .isEqualTo(receipted.size());
        }
    }

    private static int upload(Api api, byte[] pkg, Map<String, byte[]> receipted, Map<Integer, Integer> answers) {
        Api.Answer a = api.upload(pkg);
        answers.merge(a.status(), 1, Integer::sum);
        if (a.status() == 201) {
            receipted.put(a.json().path("receipt").path("receiptId").asText(), pkg);
        } else {
            assertThat(a.code()).as("answer %d: %s", a.status(), a.text()).isEqualTo("STORAGE_UNAVAILABLE");
        }
        return a.status();
    }

    private static void assertStored(Api api, Map<String, byte[]> receipted) {
        for (Map.Entry<String, byte[]> e : receipted.entrySet()) {
            Api.Answer pkg = api.get("/api/v1/submissions/" + e.getKey() + "/package");
            assertThat(pkg.status()).as("package of %s", e.getKey()).isEqualTo(200);
            assertThat(pkg.body()).as("package of %s", e.getKey()).isEqualTo(e.getValue());
        }
    }

    /** Grows or shrinks {@code ballast} until the file system has about {@code room} bytes free. */
    private static void fill(Path ballast, long room) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(ballast.toFile(), "rw")) {
            long free = Files.getFileStore(ballast).getUsableSpace();
            long size = Math.max(0, f.length() + free - room);
            f.setLength(0); // tmpfs: a sparse file takes no room; write it out
            byte[] block = new byte[64 * 1024];
            for (long written = 0; written < size; ) {
                int n = (int) Math.min(block.length, size - written);
                try {
                    f.write(block, 0, n);
                } catch (IOException full) {
                    return; // the disk is full: no room left, which is the smallest room asked for
                }
                written += n;
            }
        }
    }

    private static long tmpFiles(Path dataDir) throws IOException {
        try (Stream<Path> s = Files.list(dataDir.resolve("tmp"))) {
            return s.count();
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }
}
