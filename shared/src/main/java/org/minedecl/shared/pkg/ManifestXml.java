package org.minedecl.shared.pkg;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Writes {@code META-INF/ASiCManifest.xml} (ETSI EN 319 162-1 ASiCManifest) with SHA-256 references. */
final class ManifestXml {
    private ManifestXml() {
    }

    record Reference(String path, String mimeType, byte[] sha256) {
    }

    static byte[] write(List<Reference> refs) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        sb.append("<asic:ASiCManifest xmlns:asic=\"").append(PackageLayout.ASIC_NS).append("\" xmlns:ds=\"")
                .append(PackageLayout.DS_NS).append("\">\n");
        sb.append("  <asic:SigReference URI=\"").append(PackageLayout.SIGNATURE).append("\" MimeType=\"")
                .append(PackageLayout.SIGNATURE_MIME).append("\"/>\n");
        for (Reference r : refs) {
            sb.append("  <asic:DataObjectReference URI=\"").append(escape(PackageLayout.toUri(r.path())))
                    .append("\" MimeType=\"").append(escape(r.mimeType())).append("\">\n");
            sb.append("    <ds:DigestMethod Algorithm=\"").append(PackageLayout.SHA256_URI).append("\"/>\n");
            sb.append("    <ds:DigestValue>").append(Base64.getEncoder().encodeToString(r.sha256()))
                    .append("</ds:DigestValue>\n");
            sb.append("  </asic:DataObjectReference>\n");
        }
        sb.append("</asic:ASiCManifest>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;").replace(">", "&gt;");
    }

    static String mimeTypeOf(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        if (p.endsWith(".json")) {
            return "application/json";
        }
        if (p.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (p.endsWith(".jpg") || p.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (p.endsWith(".png")) {
            return "image/png";
        }
        return "application/octet-stream";
    }
}
