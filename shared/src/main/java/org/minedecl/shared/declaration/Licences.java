package org.minedecl.shared.declaration;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The titles held: mining licence (采矿许可证), safety production licence (安全生产许可证), exploration licence. */
public record Licences(MiningLicence mining, Licence safety, Licence exploration) {

    /** A licence with its number and validity, both ends inclusive. */
    public record Licence(String number, LocalDate validFrom, LocalDate validTo) {
        public boolean validOn(LocalDate day) {
            return validFrom != null && validTo != null && !day.isBefore(validFrom) && !day.isAfter(validTo);
        }
    }

    /** The mining licence, with its area in square kilometres. */
    public record MiningLicence(String number, LocalDate validFrom, LocalDate validTo, BigDecimal areaKm2) {
        public boolean validOn(LocalDate day) {
            return validFrom != null && validTo != null && !day.isBefore(validFrom) && !day.isAfter(validTo);
        }
    }
}
