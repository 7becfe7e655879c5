package org.minedecl.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The message bundles both ways: every key has a text in Chinese and in English, with the same placeholders. */
class MessageBundlesTest {
    private static Set<String> keys(Language l) {
        return new TreeSet<>(Collections.list(l.bundle().getKeys()));
    }

    @Test
    void everyChineseKeyHasAnEnglishTextAndEveryEnglishKeyAChineseOne() {
        Set<String> zh = keys(Language.ZH);
        Set<String> en = keys(Language.EN);
        assertThat(zh).isNotEmpty();
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertThat(onlyZh).as("keys without an English text").isEmpty();
        assertThat(onlyEn).as("keys without a Chinese text").isEmpty();
    }

    @Test
    void bothLanguagesOfAKeyUseTheSamePlaceholdersAndNoTextIsBlank() {
        for (String key : keys(Language.ZH)) {
            String zh = Language.ZH.bundle().getString(key);
            String en = Language.EN.bundle().getString(key);
            assertThat(zh).as(key).isNotBlank();
            assertThat(en).as(key).isNotBlank();
            assertThat(placeholders(zh)).as(key).isEqualTo(placeholders(en));
        }
    }

    @Test
    void theChineseBundleIsTheDefaultEvenOnAnEnglishSystem() {
        java.util.Locale old = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.US);
            assertThat(Language.of(null).text("finding.heading.error")).isEqualTo("错误 ERROR（必须改正）");
            assertThat(Language.EN.text("finding.heading.error")).isEqualTo("ERROR (must be fixed)");
        } finally {
            java.util.Locale.setDefault(old);
        }
    }

    @Test
    void argumentsAreFilledInAsTheyAreAndAMissingKeyIsVisible() {
        assertThat(Language.EN.text("submit.accepted", "r-1234", "FLAGGED")).isEqualTo("receipt r-1234 (FLAGGED)");
        assertThat(Language.EN.text("sign.refused.errors", 12345)).contains("12345 ERROR");
        assertThat(Language.EN.text("no.such.key")).isEqualTo("!no.such.key!");
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)}").matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
