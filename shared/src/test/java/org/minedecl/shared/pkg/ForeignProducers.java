package org.minedecl.shared.pkg;

import eu.europa.esig.dss.asic.cades.ASiCWithCAdESSignatureParameters;
import eu.europa.esig.dss.asic.cades.signature.ASiCWithCAdESService;
import eu.europa.esig.dss.enumerations.ASiCContainerType;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.minedecl.shared.testpki.TestPki;

/**
 * Packages the same declaration and attachments with the tools filers actually use (SECURITY-TESTS B10,
 * CONTRACTS section 3 "What is accepted from other producers"): EU DSS signs and packages by itself
 * (ASiC-E with CAdES-BASELINE-B); Python's zipfile, Info-ZIP {@code zip}, libarchive's {@code bsdtar} and JSZip
 * under node only zip, so their manifest is signed with {@code openssl cms -sign -cades}. Each producer writes its
 * ZIP metadata its own way (host system, version made by, permission bits, extra fields, data descriptors, zip64
 * records for streamed entries); none of that is signed.
 *
 * <p>A producer whose tool is missing says why ({@link Producer#unavailable()}); {@code .ci/run} installs them.
 */
public final class ForeignProducers {
    /** The JSZip version installed by {@code .ci/run} (npm) into {@code build/npm}. */
    public static final String JSZIP = "jszip@3.10.1";
    public static final String DSS_MANIFEST = "META-INF/ASiCManifest001.xml";
    public static final String DSS_SIGNATURE = "META-INF/signature001.p7s";

    /** One tool that writes packages. */
    public enum Producer {
        /** EU DSS 6.4's ASiCWithCAdESService: ASiC-E, CAdES-BASELINE-B; it names its files ...001. */
        EU_DSS,
        /** Python's zipfile.writestr with ZipInfo as it comes: no permission bits, 1980 timestamps. */
        PYTHON_ZIPINFO,
        /** Python's ZipFile.write of files and folders on disk: their modes, times and directory entries. */
        PYTHON_WRITE,
        /** Python's zipfile writing to a pipe it cannot seek: data descriptors and zip64 extra fields. */
        PYTHON_STREAMED,
        /** Info-ZIP zip 3.0: directory entries, its UT/ux extra fields, Unix host. */
        INFO_ZIP,
        /** libarchive's bsdtar --format zip, entries stored. */
        BSDTAR,
        /** JSZip 3 under node: DOS host, its own version made by. */
        JSZIP;

        /** Why this producer cannot run here, or empty when it can. */
        public Optional<String> unavailable() {
            return switch (this) {
                case EU_DSS -> Optional.empty();
                case PYTHON_ZIPINFO, PYTHON_WRITE, PYTHON_STREAMED -> missing("python3", "openssl");
                case INFO_ZIP -> missing("zip", "openssl");
                case BSDTAR -> missing("bsdtar", "openssl");
                case JSZIP -> missing("node", "openssl").or(() -> jszipDir().isPresent() ? Optional.empty()
                        : Optional.of("JSZip is not installed: run `npm install --prefix build/npm " + JSZIP
                        + "` (.ci/run does) or set MINEDECL_NPM_DIR"));
            };
        }
    }

    /** The files every producer packages: the example declaration and its two attachments. */
    public static Map<String, byte[]> exampleFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PackageLayout.DECLARATION, TestPki.exampleDeclaration());
        files.put("attachments/mining-licence.pdf",
                "%PDF-1.4 mining licence scan\n".getBytes(StandardCharsets.US_ASCII));
        files.put("attachments/fund-deposit-2026Q3.pdf",
                "%PDF-1.4 deposit slip\n".getBytes(StandardCharsets.US_ASCII));
        return files;
    }

    private ForeignProducers() {
    }

    /**
     * Writes {@code files} (package path to bytes), signed by {@code leaf}, as {@code producer} would, into
     * {@code out}; {@code work} is a scratch folder of its own.
     */
    public static Path build(Producer producer, Map<String, byte[]> files, TestPki.Leaf leaf, Path work, Path out) {
        try {
            Files.createDirectories(work);
            if (producer == Producer.EU_DSS) {
                return dss(files, leaf, out);
            }
            boolean dssNames = producer == Producer.PYTHON_ZIPINFO || producer == Producer.JSZIP;
            String manifestName = dssNames ? DSS_MANIFEST : PackageLayout.MANIFEST;
            String signatureName = dssNames ? DSS_SIGNATURE : PackageLayout.SIGNATURE;
            Path tree = work.resolve("tree");
            write(tree.resolve(PackageLayout.MIMETYPE), PackageLayout.MIMETYPE_CONTENT.getBytes(StandardCharsets.US_ASCII));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                write(tree.resolve(f.getKey()), f.getValue());
            }
            byte[] manifest = manifest(signatureName, files);
            write(tree.resolve(manifestName), manifest);
            write(tree.resolve(signatureName), opensslCades(work, tree.resolve(manifestName), leaf));
            List<String> order = new ArrayList<>();
            order.add(PackageLayout.MIMETYPE);
            order.addAll(files.keySet());
            order.add(manifestName);
            order.add(signatureName);
            Files.deleteIfExists(out);
            switch (producer) {
                case PYTHON_ZIPINFO -> run(work, List.of("python3", "-c", PY_ZIPINFO, out.toString(), tree.toString(),
                        String.join("\n", order)));
                case PYTHON_WRITE -> run(work, List.of("python3", "-c", PY_WRITE, out.toString(), tree.toString(),
                        String.join("\n", order)));
                case PYTHON_STREAMED -> run(work, List.of("sh", "-c", "python3 -c \"$0\" \"$1\" \"$2\" | cat > \"$3\"",
                        PY_STREAMED, tree.toString(), String.join("\n", order), out.toString()));
                case INFO_ZIP -> {
                    run(tree, List.of("zip", "-q", "-0", out.toString(), PackageLayout.MIMETYPE));
                    run(tree, List.of("zip", "-q", "-r", out.toString(), PackageLayout.DECLARATION, "attachments",
                            "META-INF"));
                }
                case BSDTAR -> run(tree, List.of("bsdtar", "--format", "zip", "--options", "zip:compression=store",
                        "-cf", out.toString(), PackageLayout.MIMETYPE, PackageLayout.DECLARATION, "attachments",
                        "META-INF"));
                case JSZIP -> run(work, List.of("node", "-e", JS_ZIP, jszipDir().orElseThrow().toString(),
                        out.toString(), tree.toString(), String.join("\n", order)));
                default -> throw new IllegalArgumentException(producer.name());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(producer + ": " + e.getMessage(), e);
        }
    }

    /**
     * A hostile variant made by a foreign producer (SECURITY-TESTS B, CONTRACTS section 3): what changes what a
     * reader sees, each with the check that is about it and its code.
     */
    public enum Hostile {
        PYTHON_SYMLINK("container.entries", "ENTRY_SYMLINK"),
        INFO_ZIP_SYMLINK("container.entries", "ENTRY_SYMLINK"),
        BSDTAR_SYMLINK("container.entries", "ENTRY_SYMLINK"),
        INFO_ZIP_ENCRYPTED("container.entries", "ENTRY_ENCRYPTED"),
        PYTHON_DUPLICATE_NAME("container.entries", "DUPLICATE_ENTRY"),
        PYTHON_CASE_TWIN("container.entries", "DUPLICATE_ENTRY"),
        PYTHON_NORMALISATION_TWIN("container.entries", "DUPLICATE_ENTRY"),
        PYTHON_UNICODE_PATH_NAMING_ANOTHER("container.entries", "UNICODE_PATH_MISMATCH"),
        PYTHON_FIFO("container.entries", "ENTRY_SPECIAL_FILE"),
        JSZIP_PARENT_PATH("container.entries", "ZIP_SLIP"),
        PYTHON_MIMETYPE_DEFLATED("container.mimetype", "MIMETYPE_COMPRESSED"),
        BSDTAR_DEFLATED("container.mimetype", "MIMETYPE_COMPRESSED"),
        INFO_ZIP_MIMETYPE_NOT_FIRST("container.mimetype", "MIMETYPE_NOT_FIRST"),
        PYTHON_TWO_SIGNATURES("container.layout", "SIGNATURE_MULTIPLE"),
        PYTHON_TWO_MANIFESTS("container.layout", "MANIFEST_MULTIPLE"),
        PYTHON_SIGREFERENCE_TO_ANOTHER_NAME("manifest.xml", "MANIFEST_SIGREFERENCE_INVALID"),
        PYTHON_CHANGED_ATTACHMENT("manifest.digests", "DIGEST_MISMATCH"),
        EU_DSS_WITH_A_FILE_ADDED_BY_PYTHON("manifest.coverage", "UNLISTED_FILE");

        public final String check;
        public final String code;

        Hostile(String check, String code) {
            this.check = check;
            this.code = code;
        }

        /** The producer whose tool this variant needs. */
        public Producer producer() {
            String n = name();
            return n.startsWith("INFO_ZIP") ? Producer.INFO_ZIP : n.startsWith("BSDTAR") ? Producer.BSDTAR
                    : n.startsWith("JSZIP") ? Producer.JSZIP : Producer.PYTHON_ZIPINFO;
        }
    }

    /** Writes the hostile variant {@code h} of {@code files}, signed by {@code leaf}, into {@code out}. */
    public static Path buildHostile(Hostile h, Map<String, byte[]> files, TestPki.Leaf leaf, Path work, Path out) {
        try {
            Files.createDirectories(work);
            Files.deleteIfExists(out);
            if (h == Hostile.EU_DSS_WITH_A_FILE_ADDED_BY_PYTHON) {
                dss(files, leaf, out);
                run(work, List.of("python3", "-c", "import sys, zipfile\n"
                        + "with zipfile.ZipFile(sys.argv[1], 'a') as z: z.writestr('attachments/extra.pdf', b'%PDF')",
                        out.toString()));
                return out;
            }
            Path tree = work.resolve("tree");
            write(tree.resolve(PackageLayout.MIMETYPE), PackageLayout.MIMETYPE_CONTENT.getBytes(StandardCharsets.US_ASCII));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                write(tree.resolve(f.getKey()), f.getValue());
            }
            String signatureName = h == Hostile.PYTHON_SIGREFERENCE_TO_ANOTHER_NAME ? DSS_SIGNATURE
                    : PackageLayout.SIGNATURE;
            write(tree.resolve(PackageLayout.MANIFEST), manifest(PackageLayout.SIGNATURE, files));
            write(tree.resolve(signatureName), opensslCades(work, tree.resolve(PackageLayout.MANIFEST), leaf));
            List<String> order = new ArrayList<>(List.of(PackageLayout.MIMETYPE));
            order.addAll(files.keySet());
            order.add(PackageLayout.MANIFEST);
            order.add(signatureName);
            // python rows: name|source|method(0/8)|external_attr|extra hex
            List<String> rows = new ArrayList<>();
            for (String n : order) {
                rows.add(n + "|" + n + "|" + (n.equals(PackageLayout.MIMETYPE) ? 0 : 8) + "||");
            }
            switch (h) {
                case PYTHON_SYMLINK -> rows.add("attachments/link.pdf|attachments/mining-licence.pdf|0|"
                        + (0120777L << 16) + "|");
                case PYTHON_FIFO -> rows.add("attachments/pipe.pdf|attachments/mining-licence.pdf|0|"
                        + (0010644L << 16) + "|");
                case PYTHON_DUPLICATE_NAME -> rows.add("declaration.json|declaration.json|8||");
                case PYTHON_CASE_TWIN -> rows.add("attachments/Mining-Licence.pdf|attachments/mining-licence.pdf|8||");
                case PYTHON_NORMALISATION_TWIN -> {
                    rows.add("attachments/caf\\u00e9.pdf|attachments/mining-licence.pdf|8||");
                    rows.add("attachments/cafe\\u0301.pdf|attachments/mining-licence.pdf|8||");
                }
                case PYTHON_UNICODE_PATH_NAMING_ANOTHER -> rows.set(2, rows.get(2)
                        + unicodePathHex(order.get(2), "attachments/evil.pdf"));
                case PYTHON_MIMETYPE_DEFLATED -> rows.set(0, "mimetype|mimetype|8||");
                case PYTHON_TWO_SIGNATURES -> rows.add("META-INF/signature002.p7s|" + signatureName + "|8||");
                case PYTHON_TWO_MANIFESTS -> rows.add("META-INF/ASiCManifest002.xml|" + PackageLayout.MANIFEST
                        + "|8||");
                case PYTHON_CHANGED_ATTACHMENT -> Files.writeString(tree.resolve("attachments/mining-licence.pdf"),
                        "%PDF-1.4 another scan\n");
                default -> {
                }
            }
            switch (h.producer()) {
                case PYTHON_ZIPINFO -> run(work, List.of("python3", "-c", PY_ROWS, out.toString(), tree.toString(),
                        String.join("\n", rows)));
                case INFO_ZIP -> {
                    switch (h) {
                        case INFO_ZIP_SYMLINK -> {
                            Files.createSymbolicLink(tree.resolve("attachments/link.pdf"),
                                    Path.of("mining-licence.pdf"));
                            run(tree, List.of("zip", "-q", "-0", out.toString(), PackageLayout.MIMETYPE));
                            run(tree, List.of("zip", "-q", "-r", "-y", out.toString(), PackageLayout.DECLARATION,
                                    "attachments", "META-INF"));
                        }
                        case INFO_ZIP_ENCRYPTED -> {
                            run(tree, List.of("zip", "-q", "-0", out.toString(), PackageLayout.MIMETYPE));
                            run(tree, List.of("zip", "-q", "-r", "-P", "secret", out.toString(),
                                    PackageLayout.DECLARATION, "attachments", "META-INF"));
                        }
                        default -> run(tree, List.of("zip", "-q", "-r", out.toString(), PackageLayout.DECLARATION,
                                PackageLayout.MIMETYPE, "attachments", "META-INF"));
                    }
                }
                case BSDTAR -> {
                    if (h == Hostile.BSDTAR_SYMLINK) {
                        Files.createSymbolicLink(tree.resolve("attachments/link.pdf"), Path.of("/etc/passwd"));
                    }
                    List<String> cmd = new ArrayList<>(List.of("bsdtar", "--format", "zip"));
                    if (h == Hostile.BSDTAR_SYMLINK) {
                        cmd.addAll(List.of("--options", "zip:compression=store"));
                    }
                    cmd.addAll(List.of("-cf", out.toString(), PackageLayout.MIMETYPE, PackageLayout.DECLARATION,
                            "attachments", "META-INF"));
                    run(tree, cmd);
                }
                case JSZIP -> {
                    write(tree.resolve("evil.pdf"), "%PDF".getBytes(StandardCharsets.US_ASCII));
                    order.add("../evil.pdf");
                    run(tree.resolve("attachments"), List.of("node", "-e", JS_ZIP.replace(
                            "path.join(tree, n)", "path.join(tree, n === '../evil.pdf' ? 'evil.pdf' : n)"),
                            jszipDir().orElseThrow().toString(), out.toString(), tree.toString(),
                            String.join("\n", order)));
                }
                default -> throw new IllegalArgumentException(h.name());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(h + ": " + e.getMessage(), e);
        }
    }

    /** An Info-ZIP Unicode Path extra field, hex: version 1, the CRC of {@code headerName}, then {@code unicode}. */
    private static String unicodePathHex(String headerName, String unicode) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(headerName.getBytes(StandardCharsets.UTF_8));
        byte[] u = unicode.getBytes(StandardCharsets.UTF_8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(9 + u.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x7075).putShort((short) (5 + u.length)).put((byte) 1).putInt((int) crc.getValue()).put(u);
        return java.util.HexFormat.of().formatHex(b.array());
    }

    /** An ASiCManifest as a foreign tool writes it: default-namespace elements, MimeType attributes, indented. */
    static byte[] manifest(String signatureName, Map<String, byte[]> files) throws Exception {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ASiCManifest xmlns=\"" + PackageLayout.ASIC_NS + "\" xmlns:ds=\"" + PackageLayout.DS_NS + "\">\n"
                + "  <SigReference URI=\"" + signatureName + "\" MimeType=\"application/pkcs7-signature\"/>\n");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            sb.append("  <DataObjectReference URI=\"").append(PackageLayout.toUri(f.getKey()))
                    .append("\" MimeType=\"application/octet-stream\">\n")
                    .append("    <ds:DigestMethod Algorithm=\"").append(PackageLayout.SHA256_URI).append("\"/>\n")
                    .append("    <ds:DigestValue>").append(Base64.getEncoder().encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(f.getValue()))).append("</ds:DigestValue>\n")
                    .append("  </DataObjectReference>\n");
        }
        return sb.append("</ASiCManifest>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code openssl cms -sign -cades} over the manifest: detached, DER, SHA-256, the chain in the bag. */
    static byte[] opensslCades(Path work, Path manifest, TestPki.Leaf leaf) throws Exception {
        Path key = TestPki.writePem(work.resolve("signer.key"), leaf.key());
        Path cert = TestPki.writePem(work.resolve("signer.pem"), leaf.cert());
        StringBuilder chain = new StringBuilder();
        for (var c : leaf.chain()) {
            if (!c.equals(leaf.cert())) {
                chain.append(TestPki.pem(c));
            }
        }
        Path certs = Files.writeString(work.resolve("chain.pem"), chain);
        Path sig = work.resolve("signature.p7s");
        List<String> cmd = new ArrayList<>(List.of("openssl", "cms", "-sign", "-cades", "-binary", "-md", "sha256",
                "-in", manifest.toString(), "-signer", cert.toString(), "-inkey", key.toString(), "-outform", "DER",
                "-out", sig.toString()));
        if (chain.length() > 0) {
            cmd.addAll(List.of("-certfile", certs.toString()));
        }
        run(work, cmd);
        return Files.readAllBytes(sig);
    }

    /** EU DSS's own ASiC-E with CAdES-BASELINE-B, signed with the leaf's key through DSS's two-step API. */
    static Path dss(Map<String, byte[]> files, TestPki.Leaf leaf, Path out) throws Exception {
        ASiCWithCAdESSignatureParameters p = new ASiCWithCAdESSignatureParameters();
        p.setSignatureLevel(SignatureLevel.CAdES_BASELINE_B);
        p.setSignaturePackaging(SignaturePackaging.DETACHED);
        p.aSiC().setContainerType(ASiCContainerType.ASiC_E);
        p.setDigestAlgorithm(DigestAlgorithm.SHA256);
        p.setSigningCertificate(new CertificateToken(leaf.cert()));
        List<CertificateToken> chain = new ArrayList<>();
        for (var c : leaf.chain()) {
            chain.add(new CertificateToken(c));
        }
        p.setCertificateChain(chain);
        p.bLevel().setSigningDate(new Date());
        List<DSSDocument> docs = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            docs.add(new InMemoryDocument(f.getValue(), f.getKey()));
        }
        ASiCWithCAdESService service = new ASiCWithCAdESService(new CommonCertificateVerifier());
        ToBeSigned tbs = service.getDataToSign(docs, p);
        String alg = leaf.key().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        Signature s = Signature.getInstance(alg);
        s.initSign(leaf.key());
        s.update(tbs.getBytes());
        var algorithm = leaf.key().getAlgorithm().equals("RSA")
                ? eu.europa.esig.dss.enumerations.SignatureAlgorithm.RSA_SHA256
                : eu.europa.esig.dss.enumerations.SignatureAlgorithm.ECDSA_SHA256;
        DSSDocument signed = service.signDocument(docs, p, new SignatureValue(algorithm, s.sign()));
        Files.deleteIfExists(out);
        try (var in = signed.openStream()) {
            Files.copy(in, out);
        }
        return out;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_790_000_000_000L));
    }

    /** The folder holding node_modules/jszip: MINEDECL_NPM_DIR, or build/npm above the working directory. */
    static Optional<Path> jszipDir() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("MINEDECL_NPM_DIR");
        if (env != null) {
            candidates.add(Path.of(env));
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            candidates.add(d.resolve("build/npm"));
        }
        return candidates.stream().map(d -> d.resolve("node_modules")).filter(d -> Files.isDirectory(
                d.resolve("jszip"))).findFirst();
    }

    private static Optional<String> missing(String... tools) {
        for (String t : tools) {
            boolean found = false;
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, t))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return Optional.of(t + " is not on PATH (.ci/run installs it)");
            }
        }
        return Optional.empty();
    }

    static String run(Path dir, List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " did not finish in 120 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(cmd.get(0) + " failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }

    // argv: out, tree, names (newline-separated). ZipInfo as it comes: external_attr 0, 1980-01-01, create_system
    // of the host; mimetype stored, the rest deflated.
    private static final String PY_ZIPINFO = String.join("\n",
            "import sys, zipfile, os",
            "out, tree, names = sys.argv[1], sys.argv[2], sys.argv[3].split('\\n')",
            "with zipfile.ZipFile(out, 'w') as z:",
            "    for n in names:",
            "        data = open(os.path.join(tree, n), 'rb').read()",
            "        if n == 'mimetype':",
            "            z.writestr(zipfile.ZipInfo(n), data)",
            "        else:",
            "            z.writestr(n, data, compress_type=zipfile.ZIP_DEFLATED)");

    // ZipFile.write of the files and their folders as they are on disk (modes with file types, mtimes).
    private static final String PY_WRITE = String.join("\n",
            "import sys, zipfile, os",
            "out, tree, names = sys.argv[1], sys.argv[2], sys.argv[3].split('\\n')",
            "seen = set()",
            "with zipfile.ZipFile(out, 'w', compression=zipfile.ZIP_DEFLATED) as z:",
            "    for n in names:",
            "        d = os.path.dirname(n)",
            "        if d and d not in seen:",
            "            seen.add(d)",
            "            z.write(os.path.join(tree, d), d)",
            "        z.write(os.path.join(tree, n), n,",
            "                compress_type=zipfile.ZIP_STORED if n == 'mimetype' else zipfile.ZIP_DEFLATED)");

    // Writes to stdout (a pipe: not seekable), so every entry gets a data descriptor; entries after mimetype are
    // opened with force_zip64, as for a stream whose size is not known in advance.
    private static final String PY_STREAMED = String.join("\n",
            "import sys, zipfile, os",
            "tree, names = sys.argv[1], sys.argv[2].split('\\n')",
            "with zipfile.ZipFile(sys.stdout.buffer, 'w') as z:",
            "    for n in names:",
            "        data = open(os.path.join(tree, n), 'rb').read()",
            "        zi = zipfile.ZipInfo(n, date_time=(2026, 10, 10, 8, 0, 0))",
            "        zi.external_attr = 0o644 << 16",
            "        zi.compress_type = zipfile.ZIP_STORED if n == 'mimetype' else zipfile.ZIP_DEFLATED",
            "        with z.open(zi, 'w', force_zip64=(n != 'mimetype')) as w:",
            "            w.write(data)");

    // argv: out, tree, rows "name|source|method|external_attr|extra hex": ZipInfo as the row says, duplicates too.
    private static final String PY_ROWS = String.join("\n",
            "import sys, zipfile, os, warnings",
            "warnings.simplefilter('ignore')",
            "out, tree, rows = sys.argv[1], sys.argv[2], sys.argv[3].split('\\n')",
            "with zipfile.ZipFile(out, 'w') as z:",
            "    for row in rows:",
            "        name, src, method, attr, extra = row.split('|')",
            "        zi = zipfile.ZipInfo(name.encode('ascii').decode('unicode_escape'))",
            "        zi.compress_type = int(method)",
            "        if attr: zi.external_attr = int(attr); zi.create_system = 3",
            "        if extra: zi.extra = bytes.fromhex(extra)",
            "        z.writestr(zi, open(os.path.join(tree, src), 'rb').read())");

    // argv: node_modules dir, out, tree, names. mimetype stored, the rest deflated; JSZip's defaults otherwise.
    private static final String JS_ZIP = String.join("\n",
            "const [modules, out, tree, names] = process.argv.slice(1);",
            "const JSZip = require(require('path').join(modules, 'jszip'));",
            "const fs = require('fs'); const path = require('path');",
            "const zip = new JSZip();",
            "for (const n of names.split('\\n')) {",
            "  zip.file(n, fs.readFileSync(path.join(tree, n)),",
            "    { compression: n === 'mimetype' ? 'STORE' : 'DEFLATE' });",
            "}",
            "zip.generateAsync({ type: 'nodebuffer', mimeType: 'application/vnd.etsi.asic-e+zip' })",
            "  .then(b => fs.writeFileSync(out, b));");
}
