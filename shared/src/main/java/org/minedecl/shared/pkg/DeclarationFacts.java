package org.minedecl.shared.pkg;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The few declaration fields the package checks need, read from the signed bytes with Jackson's tree and
 * duplicate keys refused (so the binding sees the same USCC as the rules): {@code enterprise.uscc},
 * {@code preparer.uscc} and {@code attachments[].path}.
 */
record DeclarationFacts(String uscc, String preparerUscc, List<String> attachmentPaths) {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 20)
                    .maxNumberLength(100).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    /** The facts, or null when the bytes are not a JSON object. */
    static DeclarationFacts read(byte[] json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                return null;
            }
            List<String> paths = new ArrayList<>();
            JsonNode atts = root.path("attachments");
            if (atts.isArray()) {
                for (JsonNode a : atts) {
                    paths.add(a.path("path").isTextual() ? a.path("path").asText() : null);
                }
            }
            return new DeclarationFacts(text(root.path("enterprise").path("uscc")),
                    text(root.path("preparer").path("uscc")), paths);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

}
