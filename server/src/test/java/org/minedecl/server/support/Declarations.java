package org.minedecl.server.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/** Test declarations: the published example, with a fresh mining licence number and the fields a test varies. */
public final class Declarations {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger SEQ = new AtomicInteger();
    private final ObjectNode root;

    private Declarations(ObjectNode root) {
        this.root = root;
    }

    /** The example declaration (2026Q3, Zezhou) under a mining licence number no other test uses. */
    public static Declarations example() {
        try (InputStream in = Declarations.class.getResourceAsStream("/examples/declaration-zezhou-2026Q3.json")) {
            if (in == null) {
                throw new IllegalStateException("the shared test-jar's examples/ are not on the class path");
            }
            ObjectNode root = (ObjectNode) MAPPER.readTree(in);
            Declarations d = new Declarations(root);
            return d.licence("C14052520091271" + String.format("%08d", SEQ.incrementAndGet() + (System.nanoTime()
                    % 1000) * 100000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Declarations licence(String number) {
        ((ObjectNode) root.path("licences").path("mining")).put("number", number);
        return this;
    }

    public String licence() {
        return root.path("licences").path("mining").path("number").asText();
    }

    public Declarations period(String period) {
        root.put("period", period);
        return this;
    }

    public Declarations amends(String receiptId) {
        root.put("amends", receiptId);
        return this;
    }

    /** Opening, deposited, used and closing balance (yuan), kept consistent by the caller. */
    public Declarations fund(String opening, String deposited, String used, String closing) {
        ObjectNode f = (ObjectNode) root.path("restorationFund");
        f.put("openingBalance", opening);
        f.put("deposited", deposited);
        f.put("used", used);
        f.put("closingBalance", closing);
        return this;
    }

    /** Another enterprise (its USCC and name). */
    public Declarations enterprise(String uscc, String name) {
        ((ObjectNode) root.path("enterprise")).put("uscc", uscc);
        ((ObjectNode) root.path("enterprise")).put("name", name);
        return this;
    }

    /** The consultant who prepared the filing ({@code preparer}, CONTRACTS section 1). */
    public Declarations preparer(String uscc, String organization) {
        ObjectNode p = root.putObject("preparer");
        p.put("name", "张咨询");
        p.put("organization", organization);
        p.put("uscc", uscc);
        return this;
    }

    /** The GB/T 2260 code of the county the mine is in. */
    public Declarations jurisdiction(String code) {
        root.put("jurisdiction", code);
        return this;
    }

    public Declarations enterpriseName(String name) {
        ((ObjectNode) root.path("enterprise")).put("name", name);
        return this;
    }

    public Declarations mineName(String name) {
        ((ObjectNode) root.path("mine")).put("name", name);
        return this;
    }

    /** Declares (or not) mining beyond the licensed boundary (越界开采, CORE-BOUND-01). */
    public Declarations boundaryViolation(boolean violation) {
        ((ObjectNode) root.path("production")).put("boundaryViolation", violation);
        return this;
    }

    public Declarations declarantName(String name) {
        ((ObjectNode) root.path("declarant")).put("name", name);
        return this;
    }

    public String json() {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
