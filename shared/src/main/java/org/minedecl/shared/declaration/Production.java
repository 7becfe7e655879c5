package org.minedecl.shared.declaration;

import java.math.BigDecimal;

/** Production in the quarter; {@code output} in 万吨 (万立方米 for GRANITE), rates in percent. */
public record Production(
        BigDecimal output,
        BigDecimal miningRecoveryRate,
        BigDecimal processingRecoveryRate,
        BigDecimal comprehensiveUtilizationRate,
        Boolean boundaryViolation,
        Boolean obsoleteEquipment) {
}
