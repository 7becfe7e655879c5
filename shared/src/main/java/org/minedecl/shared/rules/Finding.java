package org.minedecl.shared.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One result of a check, in the shape of CONTRACTS section 2:
 * {@code { ruleId, severity, disposition?, path, message: { zh, en }, citation, params? }}.
 *
 * <p>{@code params} names the effective parameters and the pack each came from, plus the computed facts
 * the message speaks of (a shortfall in yuan, a number of days late).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
        String ruleId,
        Severity severity,
        Disposition disposition,
        String path,
        LocalizedText message,
        String citation,
        Map<String, Object> params) {

    public Finding {
        params = params == null || params.isEmpty() ? null : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(params));
    }
}
