package org.minedecl.shared.declaration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 绿色矿山建设进展; rates in percent. */
public record GreenMine(
        GreenMineStatus status,
        GreenMineStatus targetLevel,
        BigDecimal wastewaterReuseRate,
        Boolean zeroDischarge,
        BigDecimal solidWasteUtilizationRate,
        BigDecimal greeningCoverageRate,
        LocalDate plannedCompletion,
        List<Milestone> milestones) {

    public GreenMine {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** A planned step of green-mine construction. */
    public record Milestone(String name, LocalDate due, Boolean done) {
    }
}
