package org.minedecl.shared.rules.core;

import java.math.BigDecimal;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.rules.LocalizedText;
import org.minedecl.shared.rules.RuleContext;
import org.minedecl.shared.rules.RuleLogic;

/**
 * CORE-NUM-01 (ranges): quantities, areas, rates and the fund's required/deposited/used amounts are not
 * negative; rates are at most 100. The money form itself is checked by the parser under the same id.
 */
public final class CoreNum01 implements RuleLogic {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final LocalizedText NEGATIVE = new LocalizedText("不能为负数", "must not be negative");
    private static final LocalizedText OVER_100 = new LocalizedText("比率不能超过 100", "a rate cannot exceed 100");

    @Override
    public void check(Declaration d, RuleContext ctx) {
        if (d.mine() != null) {
            nonNegative(ctx, "$.mine.designScale", d.mine().designScale());
            nonNegative(ctx, "$.mine.remainingReserves", d.mine().remainingReserves());
        }
        if (d.licences() != null && d.licences().mining() != null) {
            nonNegative(ctx, "$.licences.mining.areaKm2", d.licences().mining().areaKm2());
        }
        if (d.production() != null) {
            nonNegative(ctx, "$.production.output", d.production().output());
            rate(ctx, "$.production.miningRecoveryRate", d.production().miningRecoveryRate());
            rate(ctx, "$.production.processingRecoveryRate", d.production().processingRecoveryRate());
            rate(ctx, "$.production.comprehensiveUtilizationRate", d.production().comprehensiveUtilizationRate());
        }
        if (d.restorationFund() != null) {
            nonNegative(ctx, "$.restorationFund.required", d.restorationFund().required());
            nonNegative(ctx, "$.restorationFund.deposited", d.restorationFund().deposited());
            nonNegative(ctx, "$.restorationFund.used", d.restorationFund().used());
        }
        if (d.restoration() != null) {
            nonNegative(ctx, "$.restoration.damagedAreaHa", d.restoration().damagedAreaHa());
            nonNegative(ctx, "$.restoration.restoredAreaHa", d.restoration().restoredAreaHa());
            nonNegative(ctx, "$.restoration.restoredThisQuarterHa", d.restoration().restoredThisQuarterHa());
        }
        if (d.greenMine() != null) {
            rate(ctx, "$.greenMine.wastewaterReuseRate", d.greenMine().wastewaterReuseRate());
            rate(ctx, "$.greenMine.solidWasteUtilizationRate", d.greenMine().solidWasteUtilizationRate());
            rate(ctx, "$.greenMine.greeningCoverageRate", d.greenMine().greeningCoverageRate());
        }
    }

    private static void nonNegative(RuleContext ctx, String path, BigDecimal v) {
        if (v != null && v.signum() < 0) {
            ctx.report(path, "value", v, "problem", NEGATIVE);
        }
    }

    private static void rate(RuleContext ctx, String path, BigDecimal v) {
        if (v == null) {
            return;
        }
        if (v.signum() < 0) {
            ctx.report(path, "value", v, "problem", NEGATIVE);
        } else if (v.compareTo(HUNDRED) > 0) {
            ctx.report(path, "value", v, "problem", OVER_100);
        }
    }
}
