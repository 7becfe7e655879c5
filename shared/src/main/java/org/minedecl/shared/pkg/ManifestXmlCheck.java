package org.minedecl.shared.pkg;

import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.io.ByteArrayOutputStream;
import java.util.regex.Pattern;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Parses the manifest with DTDs, external entities and XInclude off; root and SigReference as expected. */
final class ManifestXmlCheck implements PackageCheck {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

    /** One hardened parser per thread: creating the factory and builder costs more than the parse itself. */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(ManifestXmlCheck::newBuilder);

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setNamespaceAware(true);
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            dbf.setFeature("http://xml.org/sax/features/external-general-entities", false);
            dbf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            dbf.setXIncludeAware(false);
            dbf.setExpandEntityReferences(false);
            return dbf.newDocumentBuilder();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
        }
    }

    @Override
    public String id() {
        return "manifest.xml";
    }

    @Override
    public Failure run(Facts f) {
        String head = new String(f.manifest, 0, Math.min(f.manifest.length, 4096), StandardCharsets.ISO_8859_1)
                .toUpperCase(Locale.ROOT);
        if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
            return fail(FailureCode.MANIFEST_DTD_FORBIDDEN, "the manifest declares a DTD");
        }
        Document doc;
        try {
            DocumentBuilder db = BUILDER.get();
            db.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            db.setEntityResolver((publicId, systemId) -> {
                throw new SAXParseException("external entity refused", null);
            });
            doc = db.parse(new ByteArrayInputStream(f.manifest));
        } catch (Exception e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("DOCTYPE")) {
                return fail(FailureCode.MANIFEST_DTD_FORBIDDEN, "the manifest declares a DTD");
            }
            return fail(FailureCode.MANIFEST_MALFORMED, "the manifest is not well-formed XML");
        }
        Element root = doc.getDocumentElement();
        if (!PackageLayout.ASIC_NS.equals(root.getNamespaceURI()) || !"ASiCManifest".equals(root.getLocalName())) {
            return fail(FailureCode.MANIFEST_MALFORMED, "the manifest root is not asic:ASiCManifest");
        }
        int sigRefs = 0;
        Map<String, byte[]> refs = new LinkedHashMap<>();
        Map<String, String> folded = new HashMap<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !PackageLayout.ASIC_NS.equals(e.getNamespaceURI())) {
                continue;
            }
            if ("SigReference".equals(e.getLocalName())) {
                sigRefs++;
                if (!f.signatureName.equals(e.getAttribute("URI"))) {
                    return fail(FailureCode.MANIFEST_SIGREFERENCE_INVALID, "the manifest's SigReference names '" + ZipContainer.printable(e.getAttribute("URI"))
                                    + "', not the package's signature " + f.signatureName);
                }
            } else if ("DataObjectReference".equals(e.getLocalName())) {
                String uri = e.getAttribute("URI");
                String path = decodeUri(uri);
                if (path == null) {
                    return fail(FailureCode.MANIFEST_URI_INVALID, "reference URI '"
                            + ZipContainer.printable(uri) + "' is not a relative path inside the package");
                }
                Element method = child(e, PackageLayout.DS_NS, "DigestMethod");
                Element value = child(e, PackageLayout.DS_NS, "DigestValue");
                if (method == null || value == null) {
                    return fail(FailureCode.MANIFEST_MALFORMED, "reference '" + path
                            + "' has no digest");
                }
                if (!PackageLayout.SHA256_URI.equals(method.getAttribute("Algorithm"))) {
                    return fail(FailureCode.MANIFEST_DIGEST_ALG_NOT_ALLOWED, "reference '"
                            + path + "' uses digest " + ZipContainer.printable(method.getAttribute("Algorithm"))
                            + " (SHA-256 only)");
                }
                byte[] digest;
                try {
                    digest = Base64.getMimeDecoder().decode(value.getTextContent().trim());
                } catch (IllegalArgumentException ex) {
                    digest = null;
                }
                if (digest == null || digest.length != 32) {
                    return fail(FailureCode.MANIFEST_MALFORMED, "reference '" + path
                            + "' has an unreadable digest");
                }
                String before = folded.putIfAbsent(ZipContainer.foldKey(path), path);
                if (before != null) {
                    return fail(FailureCode.MANIFEST_DUPLICATE_REFERENCE, "'" + path
                            + "' is referenced twice");
                }
                refs.put(path, digest);
            }
        }
        if (sigRefs != 1) {
            return fail(FailureCode.MANIFEST_SIGREFERENCE_INVALID, sigRefs
                    + " SigReference elements (exactly one required)");
        }
        f.references = refs;
        return null;
    }

    private static Element child(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** The package path a manifest URI names, or null when it is not a safe relative path (no META-INF). */
    static String decodeUri(String uri) {
        if (uri == null || uri.isEmpty() || SCHEME.matcher(uri).matches() || uri.indexOf('?') >= 0
                || uri.indexOf('#') >= 0) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%') {
                if (i + 2 >= uri.length()) {
                    return null;
                }
                int hi = Character.digit(uri.charAt(i + 1), 16);
                int lo = Character.digit(uri.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isSurrogate(c)) {
                    if (i + 1 >= uri.length()) {
                        return null;
                    }
                    b = uri.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(b, 0, b.length);
            }
        }
        String path;
        try {
            path = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
        if (PackageLayout.unsafeNameReason(path) != null || path.endsWith("/")
                || path.startsWith(PackageLayout.META_INF) || path.equals(PackageLayout.MIMETYPE)) {
            return null;
        }
        return path;
    }
}
