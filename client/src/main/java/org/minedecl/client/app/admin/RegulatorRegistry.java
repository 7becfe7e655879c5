package org.minedecl.client.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.minedecl.client.app.session.ServerSession;

/** The server's regulator registry (an administrator's session): add, list, remove. */
public final class RegulatorRegistry {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServerSession session;

    public RegulatorRegistry(ServerSession session) {
        this.session = session;
    }

    /** One registered regulator. */
    public record Regulator(String id, String name, String subject, List<String> jurisdictions) {
    }

    /** Registers the certificate (PEM text) with its name and GB/T 2260 codes; returns the new id. */
    public String add(String certificatePem, String name, List<String> jurisdictions)
            throws ServerSession.SessionException {
        ObjectNode body = JSON.createObjectNode().put("certificate", certificatePem).put("name", name);
        ArrayNode codes = body.putArray("jurisdictions");
        jurisdictions.forEach(codes::add);
        return ServerSession.expect(session.postJson("/api/v1/admin/regulators", body.toString()), 201,
                "registration").path("id").asText();
    }

    public List<Regulator> list() throws ServerSession.SessionException {
        JsonNode r = ServerSession.expect(session.get("/api/v1/admin/regulators"), 200, "listing");
        List<Regulator> out = new ArrayList<>();
        for (JsonNode n : r.path("regulators")) {
            List<String> codes = new ArrayList<>();
            n.path("jurisdictions").forEach(c -> codes.add(c.asText()));
            out.add(new Regulator(n.path("id").asText(), n.path("name").asText(), n.path("subject").asText(), codes));
        }
        return out;
    }

    public void remove(String id) throws ServerSession.SessionException {
        ServerSession.expect(session.delete("/api/v1/admin/regulators/" + id), 204, "removal");
    }
}
