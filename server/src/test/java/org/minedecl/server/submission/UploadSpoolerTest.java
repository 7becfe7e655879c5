package org.minedecl.server.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minedecl.server.config.DataDirectory;
import org.minedecl.server.config.HttpLimits;
import org.minedecl.server.config.ServerSettings;
import org.minedecl.server.problem.ProblemException;
import org.minedecl.server.support.Leftovers;

class UploadSpoolerTest {
    private static final long LIMIT = 300_000;
    @TempDir
    Path dataDir;

    private UploadSpooler spooler() {
        ServerSettings settings = new ServerSettings(dataDir.toString(), null, LIMIT, "Asia/Shanghai", null,
                null, 64, 0, null, null, 3600);
        return new UploadSpooler(new DataDirectory(settings), settings, HttpLimits.defaults());
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] contents(FileChannel ch, long size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) size);
        while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
            // positional reads, as the verifier and the repository read it
        }
        return b.array();
    }

    @Test
    void anUploadIsHeldWholeWithItsDigestAndNothingOfItIsInTmpOrLeftAfterClose() throws Exception {
        UploadSpooler spooler = spooler();
        byte[] body = random(200_000, 1);

        try (UploadSpooler.Spooled s = spooler.spool(new ByteArrayInputStream(body))) {
            assertThat(s.size()).isEqualTo(body.length);
            assertThat(s.channel().size()).isEqualTo(body.length);
            assertThat(contents(s.channel(), s.size())).isEqualTo(body);
            assertThat(s.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body)));
            assertThat(Leftovers.of(dataDir)).isEqualTo(new Leftovers(0, body.length));
        }

        assertThat(Leftovers.of(dataDir)).isEqualTo(Leftovers.NONE);
        spooler.close();
    }

    @Test
    void theNextUploadReusesTheEmptiedFileAndSeesNoneOfTheBytesBeforeIt() throws Exception {
        UploadSpooler spooler = spooler();
        byte[] big = random(250_000, 2);
        byte[] small = random(1000, 3);
        FileChannel first;
        try (UploadSpooler.Spooled s = spooler.spool(new ByteArrayInputStream(big))) {
            first = s.channel();
        }

        try (UploadSpooler.Spooled s = spooler.spool(new ByteArrayInputStream(small))) {
            assertThat(s.channel()).isSameAs(first);
            assertThat(s.channel().size()).isEqualTo(small.length);
            assertThat(contents(s.channel(), s.size())).isEqualTo(small);
        }
        spooler.close();
        assertThat(first.isOpen()).isFalse();
    }

    @Test
    void closingTwiceHandsTheFileBackOnceSoTwoUploadsNeverShareIt() throws Exception {
        UploadSpooler spooler = spooler();
        UploadSpooler.Spooled first = spooler.spool(new ByteArrayInputStream(random(1000, 6)));
        first.close();
        first.close();

        try (UploadSpooler.Spooled a = spooler.spool(new ByteArrayInputStream(random(1000, 7)));
             UploadSpooler.Spooled b = spooler.spool(new ByteArrayInputStream(random(1000, 8)))) {
            assertThat(a.channel()).isNotSameAs(b.channel());
        }
        spooler.close();
    }

    @Test
    void anUploadOverTheLimitIs413AndLeavesNothing() throws Exception {
        UploadSpooler spooler = spooler();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 7;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 7);
                return len;
            }
        };

        assertThatThrownBy(() -> spooler.spool(endless)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().code()).isEqualTo("PAYLOAD_TOO_LARGE"));

        assertThat(Leftovers.of(dataDir)).isEqualTo(Leftovers.NONE);
        spooler.close();
    }

    @Test
    void whenNoTempFileCanBeCreatedTheUploadIs503() throws Exception {
        UploadSpooler spooler = spooler();
        Path tmp = dataDir.resolve("tmp");
        Files.delete(tmp);
        Files.writeString(tmp, "not a directory");

        assertThatThrownBy(() -> spooler.spool(new ByteArrayInputStream(new byte[10])))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().code()).isEqualTo("STORAGE_UNAVAILABLE"));
    }

    @Test
    void concurrentUploadsEachGetTheirOwnFile() throws Exception {
        UploadSpooler spooler = spooler();
        byte[] a = random(100_000, 4);
        byte[] b = random(100_000, 5);
        try (UploadSpooler.Spooled s1 = spooler.spool(new ByteArrayInputStream(a));
             UploadSpooler.Spooled s2 = spooler.spool(new ByteArrayInputStream(b))) {
            assertThat(s1.channel()).isNotSameAs(s2.channel());
            assertThat(contents(s1.channel(), s1.size())).isEqualTo(a);
            assertThat(contents(s2.channel(), s2.size())).isEqualTo(b);
            assertThat(Leftovers.of(dataDir)).isEqualTo(new Leftovers(0, a.length + b.length));
        }
        assertThat(Leftovers.of(dataDir)).isEqualTo(Leftovers.NONE);
        spooler.close();
    }
}
