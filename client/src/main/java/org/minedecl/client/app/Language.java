package org.minedecl.client.app;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.minedecl.shared.rules.LocalizedText;

/**
 * The two languages of the client and their message bundle ({@code org/minedecl/client/messages.properties},
 * zh-CN, the default; {@code messages_en.properties}, English), shared by the CLI and the desktop. A message's
 * {@code {0}}, {@code {1}} ... are replaced by the arguments as they are ({@link String#valueOf}: no digit
 * grouping, no quoting rules), so the bundles read as plain text.
 */
public enum Language {
    ZH("zh", Locale.SIMPLIFIED_CHINESE),
    EN("en", Locale.ENGLISH);

    /** Base name of the bundle, under {@code client/src/main/resources}. */
    public static final String BUNDLE = "org.minedecl.client.messages";

    private final String code;
    private final Locale locale;
    private volatile ResourceBundle bundle;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** {@code zh} or {@code en}, as {@code --lang} takes it and {@link LocalizedText#in} reads it. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** {@code en} (any case, also {@code en-US}) is English; everything else, and null, is Chinese (the default). */
    public static Language of(String code) {
        return code != null && code.toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
    }

    /** The message {@code key} with its arguments filled in; a missing key shows as {@code !key!} (a test fails on it). */
    public String text(String key, Object... args) {
        String template;
        try {
            template = bundle().getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return fill(template, args);
    }

    /** Both languages of {@code key}, for texts that travel (findings, diagnostics). */
    public static LocalizedText both(String key, Object... args) {
        return new LocalizedText(ZH.text(key, args), EN.text(key, args));
    }

    /** This language's side of a localized text. */
    public String pick(LocalizedText text) {
        return text.in(code);
    }

    /** The bundle itself (tests compare the two languages' keys). */
    public ResourceBundle bundle() {
        ResourceBundle b = bundle;
        if (b == null) {
            // no fallback to the JVM's default locale: an English PC must not turn the Chinese default into English
            b = ResourceBundle.getBundle(BUNDLE, this == ZH ? Locale.ROOT : locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            bundle = b;
        }
        return b;
    }

    static String fill(String template, Object... args) {
        if (args == null || args.length == 0 || template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int close = template.indexOf('}', i);
                if (close > i + 1) {
                    String n = template.substring(i + 1, close);
                    if (n.chars().allMatch(Character::isDigit) && n.length() < 3) {
                        int k = Integer.parseInt(n);
                        if (k < args.length) {
                            out.append(args[k]);
                            i = close + 1;
                            continue;
                        }
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
