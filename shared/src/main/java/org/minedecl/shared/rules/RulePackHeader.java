package org.minedecl.shared.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rule packs a client checked a declaration with, as it tells the server on upload: the HTTP header
 * {@code Minedecl-Rule-Packs: CORE@1.0.0, SX@1.0.0, ...}. The server records them in the receipt
 * ({@code declaredRulePacks}) when they differ from its own, so an operator can see that the client's verdict
 * and the server's came from different rule versions.
 */
public final class RulePackHeader {
    /** The header's name. */
    public static final String NAME = "Minedecl-Rule-Packs";
    /** More entries than this is not a client's list of packs. */
    static final int MAX_ENTRIES = 64;
    private static final Pattern ENTRY = Pattern.compile("([A-Z][A-Z0-9_-]{0,31})@([0-9A-Za-z][0-9A-Za-z.+-]{0,31})");

    private RulePackHeader() {
    }

    /** The header value for these packs. */
    public static String format(List<RulePackInfo> packs) {
        return packs.stream().map(p -> p.id() + "@" + p.version()).collect(Collectors.joining(", "));
    }

    /**
     * The packs a header value names. The jurisdiction of each is taken from {@code known} (the server's packs)
     * where the id is known there, otherwise it is empty.
     *
     * @throws IllegalArgumentException naming the first entry that is not {@code ID@VERSION}, or a repeated id
     */
    public static List<RulePackInfo> parse(String value, List<RulePackInfo> known) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(NAME + " is empty");
        }
        Map<String, String> jurisdictions = known.stream()
                .collect(Collectors.toMap(RulePackInfo::id, RulePackInfo::jurisdiction, (a, b) -> a));
        String[] parts = value.split(",", MAX_ENTRIES + 2);
        if (parts.length > MAX_ENTRIES) {
            throw new IllegalArgumentException(NAME + " names more than " + MAX_ENTRIES + " packs");
        }
        List<RulePackInfo> out = new ArrayList<>();
        for (String part : parts) {
            var m = ENTRY.matcher(part.strip());
            if (!m.matches()) {
                String shown = part.strip();
                throw new IllegalArgumentException(NAME + ": '" + (shown.length() > 40 ? shown.substring(0, 40) + "..."
                        : shown) + "' is not ID@VERSION (e.g. CORE@1.0.0)");
            }
            if (out.stream().anyMatch(p -> p.id().equals(m.group(1)))) {
                throw new IllegalArgumentException(NAME + " names pack " + m.group(1) + " twice");
            }
            out.add(new RulePackInfo(m.group(1), m.group(2), jurisdictions.getOrDefault(m.group(1), "")));
        }
        return List.copyOf(out);
    }

    /** Whether two lists name different packs or versions (order does not matter). */
    public static boolean differ(List<RulePackInfo> a, List<RulePackInfo> b) {
        Function<List<RulePackInfo>, Set<String>> key = l -> l.stream().map(p -> p.id() + "@" + p.version())
                .collect(Collectors.toSet());
        return !key.apply(a).equals(key.apply(b));
    }
}
