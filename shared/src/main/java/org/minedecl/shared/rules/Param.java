package org.minedecl.shared.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An effective parameter value and the pack it came from (the most specific applicable pack that sets it).
 * In a finding's {@code params} it appears as {@code {"value": 30, "pack": "SX"}}.
 */
public record Param(String name, Object value, String pack) {

    public BigDecimal decimal() {
        return (BigDecimal) value;
    }

    public int intValue() {
        return ((BigDecimal) value).intValueExact();
    }

    public LocalDate date() {
        return (LocalDate) value;
    }

    /** The JSON form used in findings. */
    public Map<String, Object> asFindingParam() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value instanceof LocalDate ? value.toString() : value);
        m.put("pack", pack);
        return m;
    }

    @Override
    public String toString() {
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }
}
