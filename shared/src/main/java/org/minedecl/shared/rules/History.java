package org.minedecl.shared.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Period;

/**
 * The accepted earlier declarations of one mine, by quarter: what the history rules (CORE-CONS-01,
 * CORE-REPEAT-01, CORE-CAP-01, CORE-RESV-01, the repeat clauses of SZ-RECL-01 and ZN-RECL-01, SG-NEVER-01)
 * compare a declaration with. Without the quarter a rule needs, it stays silent: nothing is guessed.
 *
 * <p>Callers pass what they hold: the server the current (not superseded) accepted filings of the same mining
 * licence; {@code minedecl validate --previous} the files given; the desktop its filed quarters. Declarations
 * of another mining licence, without a readable period, or for the quarter being checked or a later one are
 * ignored when a declaration is evaluated ({@link #quarter}, {@link #earlierInYear}). When two are given for
 * one quarter, the later in the collection wins (an amendment after the declaration it corrects).
 */
public final class History {
    /** No earlier declarations known. */
    public static final History NONE = new History(List.of());

    private final List<Declaration> declarations;

    private History(List<Declaration> declarations) {
        this.declarations = declarations;
    }

    /** The accepted earlier declarations of the mine; nulls are skipped. */
    public static History of(Collection<Declaration> accepted) {
        if (accepted == null || accepted.isEmpty()) {
            return NONE;
        }
        List<Declaration> out = new ArrayList<>(accepted.size());
        for (Declaration d : accepted) {
            if (d != null && d.parsedPeriod() != null) {
                out.add(d);
            }
        }
        return out.isEmpty() ? NONE : new History(Collections.unmodifiableList(out));
    }

    /** One earlier declaration, or {@link #NONE} for null. */
    public static History of(Declaration previous) {
        return previous == null ? NONE : of(List.of(previous));
    }

    /**
     * The first quarter the history rules look at for a declaration of {@code period}: the previous quarter or
     * the first quarter of the year, whichever is earlier. A caller that looks up history (the server) needs the
     * accepted declarations from this quarter up to, not including, {@code period}.
     */
    public static Period firstQuarterNeeded(Period period) {
        return period.quarter() == 1 ? period.previous() : new Period(period.year(), 1);
    }

    /** Everything given, in the order given (periods readable). */
    public List<Declaration> declarations() {
        return declarations;
    }

    public boolean isEmpty() {
        return declarations.isEmpty();
    }

    /**
     * The declaration of quarter {@code period} for the mining licence of {@code current}, or null. Null too
     * when {@code current} has no mining licence number or {@code period} is not before its own quarter.
     */
    public Declaration quarter(Declaration current, Period period) {
        String licence = licence(current);
        Period own = current == null ? null : current.parsedPeriod();
        if (licence == null || own == null || period == null || period.compareTo(own) >= 0) {
            return null;
        }
        Declaration found = null;
        for (Declaration d : declarations) {
            if (period.equals(d.parsedPeriod()) && licence.equals(licence(d))) {
                found = d;
            }
        }
        return found;
    }

    /** The declarations of the same licence for the quarters of {@code current}'s year before its own, by quarter. */
    public List<Declaration> earlierInYear(Declaration current) {
        Period own = current == null ? null : current.parsedPeriod();
        if (own == null) {
            return List.of();
        }
        TreeMap<Integer, Declaration> byQuarter = new TreeMap<>();
        for (int q = 1; q < own.quarter(); q++) {
            Declaration d = quarter(current, new Period(own.year(), q));
            if (d != null) {
                byQuarter.put(q, d);
            }
        }
        return List.copyOf(byQuarter.values());
    }

    private static String licence(Declaration d) {
        if (d == null || d.licences() == null || d.licences().mining() == null) {
            return null;
        }
        String n = d.licences().mining().number();
        return n == null || n.isBlank() ? null : n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof History h && h.declarations.equals(declarations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(declarations);
    }
}
