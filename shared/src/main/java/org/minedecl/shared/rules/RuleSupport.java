package org.minedecl.shared.rules;

import java.math.BigDecimal;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.Mine;

/** Null-safe helpers for rule logic: a comparison with a missing side is false, so the rule stays silent. */
public final class RuleSupport {
    private RuleSupport() {
    }

    public static boolean lt(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.compareTo(b) < 0;
    }

    public static boolean gt(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.compareTo(b) > 0;
    }

    public static boolean positive(BigDecimal a) {
        return a != null && a.signum() > 0;
    }

    public static boolean isZero(BigDecimal a) {
        return a != null && a.signum() == 0;
    }

    public static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    public static boolean isFalse(Boolean b) {
        return Boolean.FALSE.equals(b);
    }

    /** Yuan with two fraction digits, as money is written in the contract. */
    public static String yuan(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    /** True when the quarter's output is positive (the mine produced). */
    public static boolean produced(Declaration d) {
        return d.production() != null && positive(d.production().output());
    }

    /**
     * A producing mine that restored nothing this quarter while its damaged area exceeds its restored area
     * (not 边开采、边治理): SZ-RECL-01 and ZN-RECL-01.
     */
    public static boolean producingWithoutRestoring(Declaration d) {
        org.minedecl.shared.declaration.Restoration r = d.restoration();
        return r != null && d.mine() != null && d.mine().status() == org.minedecl.shared.declaration.MineStatus.PRODUCING
                && isZero(r.restoredThisQuarterHa()) && gt(r.damagedAreaHa(), r.restoredAreaHa());
    }

    /** Whether {@code d} (an earlier quarter's declaration, may be null) declared no restoration in its quarter. */
    public static boolean restoredNothing(Declaration d) {
        return d != null && d.restoration() != null && isZero(d.restoration().restoredThisQuarterHa());
    }

    /** Remaining service life in years (reserves / design scale), or null when it cannot be computed. */
    public static BigDecimal serviceLifeYears(Mine m) {
        if (m == null || m.remainingReserves() == null || !positive(m.designScale())) {
            return null;
        }
        return m.remainingReserves().divide(m.designScale(), 2, java.math.RoundingMode.DOWN);
    }
}
