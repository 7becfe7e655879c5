package org.minedecl.shared.declaration;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 矿山地质环境治理与土地复垦: plan, areas in hectares, acceptance (验收). */
public record Restoration(
        Boolean planFiled,
        LocalDate planFiledOn,
        BigDecimal damagedAreaHa,
        BigDecimal restoredAreaHa,
        BigDecimal restoredThisQuarterHa,
        Acceptance acceptance,
        LocalDate acceptedOn,
        LocalDate cancellationAppliedOn,
        Approvals approvals) {

    /** The four approvals a renewed stopped mine needs (Shanggao): 开发利用方案, 二合一方案, 环评, 水土保持方案. */
    public record Approvals(Boolean developmentPlan, Boolean twoInOnePlan, Boolean eia, Boolean soilWaterPlan) {
        public boolean allDone() {
            return Boolean.TRUE.equals(developmentPlan) && Boolean.TRUE.equals(twoInOnePlan)
                    && Boolean.TRUE.equals(eia) && Boolean.TRUE.equals(soilWaterPlan);
        }
    }
}
