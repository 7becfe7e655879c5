package org.minedecl.client.app.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the server says of one filed quarter, after the regulator's review (CONTRACTS sections 5, 7 and 9): the
 * submission's status, whether a later filing amends it, the regulator's decisions in order and the quarter's
 * abnormal-list (异常名录) entries. Kept beside the draft as {@code <id>.server.json}.
 *
 * @param checkedAt    when the server was asked
 * @param status       the submission's status (ACCEPTED or FLAGGED)
 * @param supersededBy the receipt id of the filing that amends this one, or null
 * @param decisions    the regulator's decisions, oldest first
 * @param abnormal     the quarter's abnormal-list entries (candidates and confirmed ones)
 */
public record FilingStatus(Instant checkedAt, String status, String supersededBy, List<Decision> decisions,
                           List<AbnormalEntry> abnormal) {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    public FilingStatus {
        decisions = List.copyOf(decisions);
        abnormal = List.copyOf(abnormal);
    }

    /** One regulator decision: ACCEPT, RETURN, CONFIRM_ABNORMAL or DISMISS. */
    public record Decision(String decision, String ruleId, String reason, Instant decidedAt) {
    }

    /** One abnormal-list entry of the quarter: the rule that raised it and its state (CANDIDATE, CONFIRMED ...). */
    public record AbnormalEntry(String ruleId, String state, String disposition) {
    }

    /**
     * Returned by the regulator (退回): the last decision that accepts or returns the filing returns it, and no
     * later filing amends it yet.
     */
    public boolean returned() {
        if (supersededBy != null) {
            return false;
        }
        String last = null;
        for (Decision d : decisions) {
            if ("ACCEPT".equals(d.decision()) || "RETURN".equals(d.decision())) {
                last = d.decision();
            }
        }
        return "RETURN".equals(last);
    }

    /** The reason of the last RETURN decision, or null. */
    public String returnReason() {
        String reason = null;
        for (Decision d : decisions) {
            if ("RETURN".equals(d.decision())) {
                reason = d.reason();
            }
        }
        return reason;
    }

    /** Reads it from the server's answers: the submission, its decisions and the caller's abnormal list. */
    static FilingStatus of(Instant checkedAt, JsonNode submission, JsonNode decisions, JsonNode abnormalList,
                           String submissionId) {
        List<Decision> ds = new ArrayList<>();
        for (JsonNode d : decisions.path("decisions")) {
            ds.add(new Decision(d.path("decision").asText(), text(d, "ruleId"), text(d, "reason"),
                    d.hasNonNull("decidedAt") ? Instant.parse(d.path("decidedAt").asText()) : null));
        }
        ds.sort(Comparator.comparing(Decision::decidedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<AbnormalEntry> as = new ArrayList<>();
        for (JsonNode e : abnormalList.path("entries")) {
            if (submissionId.equals(e.path("submissionId").asText())) {
                as.add(new AbnormalEntry(e.path("ruleId").asText(), e.path("state").asText(), text(e, "disposition")));
            }
        }
        return new FilingStatus(checkedAt, submission.path("status").asText(), text(submission, "supersededBy"), ds,
                as);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    public byte[] toBytes() throws IOException {
        return JSON.writeValueAsBytes(this);
    }

    /** The status kept in {@code file}, or null when there is none or it cannot be read. */
    public static FilingStatus read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), FilingStatus.class);
        } catch (IOException e) {
            return null;
        }
    }
}
