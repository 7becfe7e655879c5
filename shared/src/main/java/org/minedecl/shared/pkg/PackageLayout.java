package org.minedecl.shared.pkg;

/** Names and limits of the ASiC-E package (CONTRACTS section 3), one place for writer and verifier. */
public final class PackageLayout {
    public static final String MIMETYPE = "mimetype";
    public static final String MIMETYPE_CONTENT = "application/vnd.etsi.asic-e+zip";
    public static final String DECLARATION = "declaration.json";
    /** The signed document of a delegation package, in place of {@link #DECLARATION} (CONTRACTS section 8). */
    public static final String DELEGATION = "delegation.json";
    public static final String ATTACHMENTS_DIR = "attachments/";
    public static final String META_INF = "META-INF/";
    public static final String MANIFEST = "META-INF/ASiCManifest.xml";
    public static final String SIGNATURE = "META-INF/signature.p7s";
    public static final String ASIC_NS = "http://uri.etsi.org/02918/v1.2.1#";
    public static final String DS_NS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String SHA256_URI = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String SIGNATURE_MIME = "application/pkcs7-signature";

    /** Largest package file accepted by the verifier. */
    public static final long MAX_PACKAGE_BYTES = 256L << 20;
    /** Largest sum of inflated entry sizes. */
    public static final long MAX_TOTAL_INFLATED = 512L << 20;
    /** Most entries in a package. */
    public static final int MAX_ENTRIES = 1000;
    /** Highest inflated:compressed ratio for entries above {@link #RATIO_MIN_BYTES}. */
    public static final int MAX_RATIO = 100;
    public static final long RATIO_MIN_BYTES = 64L << 10;
    /** Largest manifest and signature file. */
    public static final int MAX_METADATA_BYTES = 1 << 20;
    /** Longest entry name in bytes. */
    public static final int MAX_NAME_BYTES = 512;

    private PackageLayout() {
    }

    /**
     * Whether {@code name} is an ASiC-E manifest as ETSI EN 319 162-1 names them: {@code META-INF/ASiCManifest*.xml}
     * (minedecl writes {@link #MANIFEST}, EU DSS {@code ASiCManifest001.xml}).
     */
    public static boolean isManifestName(String name) {
        return name.startsWith(META_INF + "ASiCManifest") && name.endsWith(".xml")
                && name.indexOf('/', META_INF.length()) < 0;
    }

    /**
     * Whether {@code name} is a CAdES signature as ETSI EN 319 162-1 names them: {@code META-INF/*signature*.p7s}
     * (minedecl writes {@link #SIGNATURE}, EU DSS {@code signature001.p7s}).
     */
    public static boolean isSignatureName(String name) {
        return name.startsWith(META_INF) && name.endsWith(".p7s") && name.indexOf('/', META_INF.length()) < 0
                && name.substring(META_INF.length()).contains("signature");
    }

    /** Percent-encodes a package path for a manifest URI (RFC 3986: unreserved characters and '/' kept). */
    public static String toUri(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    /**
     * Why an entry or reference name is unsafe (zip slip and friends), or null when it is a plain relative
     * path: no {@code ..} or {@code .} segments, no leading '/', no backslash, no drive letter, no empty segment,
     * no control characters.
     */
    public static String unsafeNameReason(String name) {
        if (name.isEmpty()) {
            return "empty name";
        }
        if (name.startsWith("/")) {
            return "absolute path";
        }
        if (name.indexOf('\\') >= 0) {
            return "backslash in name";
        }
        if (name.length() >= 2 && name.charAt(1) == ':') {
            return "drive letter";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "control character in name";
            }
        }
        String body = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String seg : body.split("/", -1)) {
            if (seg.isEmpty()) {
                return "empty path segment";
            }
            if (seg.equals("..") || seg.equals(".")) {
                return "'" + seg + "' path segment";
            }
        }
        return null;
    }
}
