package org.minedecl.client.desktop;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The desktop's texts in the chosen language (Chinese unless the settings say English). */
public final class Texts {
    private static volatile Locale locale = Locale.SIMPLIFIED_CHINESE;
    private static volatile ResourceBundle bundle = load(locale);

    private Texts() {
    }

    private static ResourceBundle load(Locale l) {
        return ResourceBundle.getBundle("org.minedecl.client.desktop.Desktop", l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static void use(Locale l) {
        locale = l.getLanguage().equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        bundle = load(locale);
    }

    public static Locale locale() {
        return locale;
    }

    public static boolean english() {
        return locale.getLanguage().equals("en");
    }

    public static String get(String key, Object... args) {
        String s;
        try {
            s = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? s : new MessageFormat(s, locale).format(args);
    }

    public static boolean has(String key) {
        return bundle.containsKey(key);
    }
}
