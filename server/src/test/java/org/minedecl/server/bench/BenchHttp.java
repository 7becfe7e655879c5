package org.minedecl.server.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The load generator's HTTP/1.1 client: one kept-alive connection per client thread, the package streamed from
 * its file, the answer read whole. The benchmark runs on the same cores as the server, so the load generator
 * must cost as little CPU as it can: {@code java.net.http.HttpClient} spent about 2 ms of CPU per 64 KB upload
 * here, which the server's figures would otherwise carry.
 */
final class BenchHttp implements Closeable {
    private final URI base;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** A status and the body as text. */
    record Answer(int status, String body) {
    }

    BenchHttp(URI base) {
        this.base = base;
    }

    /** POSTs the file to {@code path}; reconnects once when the kept-alive connection was closed meanwhile. */
    Answer post(String path, Path file, String contentType) throws IOException {
        try {
            return exchange(path, file, contentType);
        } catch (IOException e) {
            close();
            return exchange(path, file, contentType);
        }
    }

    private Answer exchange(String path, Path file, String contentType) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(600_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
        long size = Files.size(file);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + size + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        try (InputStream body = Files.newInputStream(file)) {
            body.transferTo(out);
        }
        out.flush();
        return read();
    }

    private Answer read() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h; !(h = line()).isEmpty(); ) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long n; (n = Long.parseLong(line().split(";")[0].strip(), 16)) > 0; ) {
                copy(n, body);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            copy(length, body);
        } else {
            in.transferTo(body);
            close = true;
        }
        if (close) {
            close();
        }
        return new Answer(code, body.toString(StandardCharsets.UTF_8));
    }

    private void copy(long n, ByteArrayOutputStream to) throws IOException {
        byte[] buf = new byte[8192];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) {
                throw new EOFException("answer ended early");
            }
            to.write(buf, 0, r);
            n -= r;
        }
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        socket = null;
    }
}
