package org.minedecl.shared.rules;

/** A user-facing text in Chinese (zh-CN) and English. */
public record LocalizedText(String zh, String en) {
    public String in(String lang) {
        return lang != null && lang.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? en : zh;
    }
}
