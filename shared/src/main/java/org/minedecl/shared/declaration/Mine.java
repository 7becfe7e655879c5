package org.minedecl.shared.declaration;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The mine (矿山). {@code designScale} is the designed production scale per year and
 * {@code remainingReserves} the remaining reserves, both in 万吨 (万立方米 for GRANITE).
 */
public record Mine(
        String name,
        Mineral mineral,
        MiningMethod miningMethod,
        MineStatus status,
        Boolean isNew,
        BigDecimal designScale,
        ScaleClass scaleClass,
        BigDecimal remainingReserves,
        LocalDate stoppedSince,
        LocalDate constructionDeadline,
        Boolean onArableLand,
        CoalSeam coalSeam,
        Rectification rectification) {

    /** The county rectification decision (整治分类) for this mine. */
    public record Rectification(RectificationCategory category, LocalDate decidedOn, Disposal disposition) {
    }
}
