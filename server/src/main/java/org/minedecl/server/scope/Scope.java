package org.minedecl.server.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The submissions a caller may read (CONTRACTS section 7): a regulator's jurisdictions (a code covers every code
 * below it: {@code 140500} covers {@code 1405xx}), or enterprises (an operator's own USCC; a consultant's delegating
 * enterprises, each limited to its delegated mining licences, empty = all). Only regulators decide.
 * {@code access.AccessService} makes the scope of a logged-in principal; nothing else makes one for a request.
 *
 * @param actor who acts, as the audit trail names it (certificate subject, USCC, serial)
 */
public record Scope(Kind kind, String actor, List<String> jurisdictions, Map<String, Set<String>> enterprises) {
    /** The kinds of reader. */
    public enum Kind { REGULATOR, ENTERPRISE }

    public Scope {
        jurisdictions = List.copyOf(jurisdictions);
        enterprises = Map.copyOf(enterprises);
    }

    public static Scope regulator(String actor, List<String> jurisdictions) {
        return new Scope(Kind.REGULATOR, actor, jurisdictions, Map.of());
    }

    /** An operator: its own USCC, every mine. */
    public static Scope operator(String actor, String uscc) {
        return new Scope(Kind.ENTERPRISE, actor, List.of(), Map.of(uscc, Set.of()));
    }

    /** A consultant: per delegating USCC, the delegated mining licences (empty: every mine of that enterprise). */
    public static Scope enterprises(String actor, Map<String, Set<String>> licencesByUscc) {
        return new Scope(Kind.ENTERPRISE, actor, List.of(), licencesByUscc);
    }

    public boolean mayDecide() {
        return kind == Kind.REGULATOR;
    }

    /** Whether a submission of this jurisdiction, enterprise and mining licence is inside the scope. */
    public boolean covers(String jurisdiction, String uscc, String miningLicence) {
        switch (kind) {
            case REGULATOR:
                return jurisdiction != null && jurisdictions.stream().anyMatch(j -> jurisdiction.startsWith(prefix(j)));
            default:
                Set<String> licences = enterprises.get(uscc);
                return licences != null && (licences.isEmpty() || licences.contains(miningLicence));
        }
    }

    /** "140500" -> "1405": the prefix every administrative code below a code starts with. */
    public static String prefix(String code) {
        String p = code;
        while (p.length() > 2 && p.endsWith("00")) {
            p = p.substring(0, p.length() - 2);
        }
        return p;
    }

    /** A SQL condition and its string arguments, in order. */
    public record Sql(String text, List<String> args) {
        public Sql and(Sql other) {
            List<String> a = new ArrayList<>(args);
            a.addAll(other.args);
            return new Sql("(" + text + ") AND (" + other.text + ")", a);
        }
    }

    /**
     * This scope as a condition on a row's jurisdiction, USCC and mining-licence columns (qualified names such as
     * {@code s.jurisdiction}); an empty scope is {@code 1 = 0}.
     */
    public Sql where(String jurisdictionColumn, String usccColumn, String licenceColumn) {
        List<String> args = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        switch (kind) {
            case REGULATOR:
                for (String j : jurisdictions) {
                    terms.add(range(jurisdictionColumn, j, args));
                }
                break;
            default:
                for (Map.Entry<String, Set<String>> e : enterprises.entrySet()) {
                    StringBuilder t = new StringBuilder(usccColumn + " = ?");
                    args.add(e.getKey());
                    if (!e.getValue().isEmpty()) {
                        t.append(" AND ").append(licenceColumn).append(" IN (")
                                .append(String.join(", ", java.util.Collections.nCopies(e.getValue().size(), "?")))
                                .append(')');
                        args.addAll(e.getValue().stream().sorted().toList());
                    }
                    terms.add("(" + t + ")");
                }
        }
        return terms.isEmpty() ? new Sql("1 = 0", List.of()) : new Sql(String.join(" OR ", terms), args);
    }

    /** A requested jurisdiction filter ({@code ?jurisdiction=}), inside the scope: null for none. */
    public static Sql within(String jurisdictionColumn, String requested) {
        if (requested == null) {
            return new Sql("1 = 1", List.of());
        }
        List<String> args = new ArrayList<>();
        return new Sql(range(jurisdictionColumn, requested, args), args);
    }

    /**
     * {@code code} and every code below it as a range of the column, adding its bounds to {@code args}: 140500 is
     * {@code BETWEEN '140500' AND '140599'}. Stored jurisdictions are 6 digits (CORE-JUR-01 refuses others), and
     * digits sort alike in every collation, so an index on the column serves it - which {@code LIKE '1405%'} does
     * not get outside the C collation.
     */
    public static String range(String column, String code, List<String> args) {
        String p = prefix(code);
        args.add((p + "000000").substring(0, Math.max(6, p.length())));
        args.add((p + "999999").substring(0, Math.max(6, p.length())));
        return column + " BETWEEN ? AND ?";
    }
}
