package org.minedecl.shared.rules;

import java.math.BigDecimal;
import java.util.Map;

/** Fills {@code {name}} placeholders of a message template in both languages. */
public final class Messages {
    private Messages() {
    }

    public static LocalizedText render(LocalizedText template, Map<String, ?> values) {
        return new LocalizedText(fill(template.zh(), values, "zh"), fill(template.en(), values, "en"));
    }

    static String fill(String template, Map<String, ?> values, String lang) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        String[] parts = PARSED.get(template);
        if (parts == null) {
            parts = parse(template);
            if (PARSED.size() < MAX_PARSED) { // templates come from the rule packs; messages built from input do not
                PARSED.put(template, parts);
            }
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        for (int k = 0; k < parts.length; k++) {
            if (k % 2 == 0) {
                out.append(parts[k]);
            } else if (values.containsKey(parts[k])) {
                out.append(text(values.get(parts[k]), lang));
            } else {
                out.append('{').append(parts[k]).append('}');
            }
        }
        return out.toString();
    }

    /** Templates already split, by template: literal, key, literal, key, ..., literal. */
    private static final Map<String, String[]> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_PARSED = 4096;

    /** Splits a template into literals (even places) and placeholder names (odd places). */
    static String[] parse(String template) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            int nextOpen = template.indexOf('{', i + 1);
            if (close > i + 1 && (nextOpen < 0 || nextOpen > close)) { // "{name}" with no "{" inside
                parts.add(literal.toString());
                literal.setLength(0);
                parts.add(template.substring(i + 1, close));
                i = close + 1;
                continue;
            }
            literal.append(c);
            i++;
        }
        parts.add(literal.toString());
        return parts.toArray(new String[0]);
    }

    static String text(Object v, String lang) {
        if (v instanceof LocalizedText t) {
            return "en".equals(lang) ? t.en() : t.zh();
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(v);
    }
}
