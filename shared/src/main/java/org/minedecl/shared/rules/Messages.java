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
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i) {
                String key = template.substring(i + 1, close);
                if (values.containsKey(key)) {
                    out.append(text(values.get(key), lang));
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
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
