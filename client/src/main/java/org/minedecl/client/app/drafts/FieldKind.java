package org.minedecl.client.app.drafts;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * How the text typed in a field becomes the declaration's JSON value (CONTRACTS section 1), and back. Text that
 * does not parse is kept as typed, as a JSON string: nothing the user typed is ever dropped, and the parser
 * reports it as a finding at the field's path.
 */
public enum FieldKind {
    /** Free text. */
    TEXT,
    /** Yuan as a decimal string with two fraction digits; typed with or without thousands separators. */
    MONEY,
    /** A JSON number: quantities (万吨), areas (公顷), rates (percent). */
    NUMBER,
    /** {@code YYYY-MM-DD}. */
    DATE,
    /** true / false. */
    BOOLEAN,
    /** An enum constant's name. */
    ENUM;

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The JSON value for {@code typed}; null (the field is left out) for blank text. */
    public JsonNode toJson(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String t = typed.strip();
        switch (this) {
            case MONEY: {
                BigDecimal v = parseDecimal(t);
                if (v != null && v.scale() <= 2) {
                    return DraftDocument.NODES.textNode(v.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
                }
                return DraftDocument.NODES.textNode(typed);
            }
            case NUMBER: {
                BigDecimal v = parseDecimal(t);
                return v != null ? DraftDocument.NODES.numberNode(v) : DraftDocument.NODES.textNode(typed);
            }
            case BOOLEAN:
                if (t.equals("true") || t.equals("false")) {
                    return DraftDocument.NODES.booleanNode(Boolean.parseBoolean(t));
                }
                return DraftDocument.NODES.textNode(typed);
            case DATE:
            case TEXT:
            case ENUM:
            default:
                return DraftDocument.NODES.textNode(typed);
        }
    }

    /** Whether {@code typed} is a valid value of this kind (blank counts as valid: "not filled in"). */
    public boolean accepts(String typed) {
        if (typed == null || typed.isBlank()) {
            return true;
        }
        String t = typed.strip();
        switch (this) {
            case MONEY: {
                BigDecimal v = parseDecimal(t);
                return v != null && v.scale() <= 2;
            }
            case NUMBER:
                return parseDecimal(t) != null;
            case DATE:
                try {
                    LocalDate.parse(t, ISO);
                    return true;
                } catch (DateTimeParseException e) {
                    return false;
                }
            case BOOLEAN:
                return t.equals("true") || t.equals("false");
            default:
                return true;
        }
    }

    /** The text a field shows for a stored value: money with thousands separators, the rest as stored. */
    public String display(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (this == MONEY && value.isTextual()) {
            BigDecimal v = parseDecimal(value.textValue());
            return v != null && v.scale() <= 2 ? yuan(v) : value.textValue();
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    /** {@code 1305000.00} as {@code 1,305,000.00}. */
    public static String yuan(BigDecimal v) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setParseBigDecimal(true);
        return f.format(v.setScale(2, RoundingMode.HALF_UP));
    }

    /**
     * A plain decimal, allowing thousands separators in the integer part ({@code 1,234.5}, {@code 1 234.5}) and
     * a full-width comma; null when the text is anything else ({@code 12,3a}, {@code 1e5}, {@code 1,23}).
     */
    public static BigDecimal parseDecimal(String text) {
        String t = text.strip().replace('，', ',');
        if (t.isEmpty() || t.length() > 40) {
            return null;
        }
        int dot = t.indexOf('.');
        String intPart = dot < 0 ? t : t.substring(0, dot);
        String frac = dot < 0 ? "" : t.substring(dot + 1);
        boolean negative = intPart.startsWith("-");
        if (negative) {
            intPart = intPart.substring(1);
        }
        if (intPart.contains(",") || intPart.contains(" ")) {
            String[] groups = intPart.split("[, ]", -1);
            if (groups[0].isEmpty() || groups[0].length() > 3) {
                return null;
            }
            for (int i = 1; i < groups.length; i++) {
                if (groups[i].length() != 3) {
                    return null;
                }
            }
            intPart = String.join("", groups);
        }
        if (intPart.isEmpty() || !intPart.chars().allMatch(c -> c >= '0' && c <= '9')
                || (dot >= 0 && (frac.isEmpty() || !frac.chars().allMatch(c -> c >= '0' && c <= '9')))) {
            return null;
        }
        return new BigDecimal((negative ? "-" : "") + intPart + (dot < 0 ? "" : "." + frac));
    }
}
