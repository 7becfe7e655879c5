package org.minedecl.shared.declaration;

import java.math.BigDecimal;

/** 矿山地质环境治理恢复基金: the quarter's account movements, money in yuan with scale 2. */
public record RestorationFund(
        Account account,
        BigDecimal openingBalance,
        BigDecimal required,
        BigDecimal deposited,
        BigDecimal used,
        BigDecimal closingBalance) {

    /** The fund's bank account (基金账户). */
    public record Account(String bank, String number) {
    }
}
