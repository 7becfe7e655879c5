package org.minedecl.shared.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One result of a check, in the shape of CONTRACTS section 2:
 * {@code { ruleId, severity, disposition?, path, message: { zh, en }, citation, params? }}, plus (catalogue
 * 1.1) the pack and version that define the rule ({@code rulePack}), the pack and version that set its severity
 * and disposition ({@code severityFrom}: a county pack may set what a province rule's finding leads to), and a
 * {@code note} when the basis of the rule is a plan whose period has ended.
 *
 * <p>{@code params} names the effective parameters and the pack each came from, plus the computed facts
 * the message speaks of (a shortfall in yuan, a number of days late). Findings stored before 1.1 have no
 * {@code rulePack}/{@code severityFrom}; the receipt's {@code rulePacks} says which versions judged them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
        String ruleId,
        Severity severity,
        Disposition disposition,
        String path,
        LocalizedText message,
        String citation,
        Map<String, Object> params,
        PackRef rulePack,
        PackRef severityFrom,
        LocalizedText note) {

    public Finding {
        params = params == null || params.isEmpty() ? null : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(params));
    }

    /** A finding without pack names (tests, and readers of findings stored before 1.1). */
    public Finding(String ruleId, Severity severity, Disposition disposition, String path, LocalizedText message,
                   String citation, Map<String, Object> params) {
        this(ruleId, severity, disposition, path, message, citation, params, null, null, null);
    }
}
