package org.minedecl.shared.declaration;

import java.time.LocalDate;
import java.util.Optional;

/** A calendar quarter such as {@code 2026Q3}. */
public record Period(int year, int quarter) implements Comparable<Period> {

    public Period {
        if (quarter < 1 || quarter > 4 || year < 1 || year > 9999) {
            throw new IllegalArgumentException("no such quarter: " + year + "Q" + quarter);
        }
    }

    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // the pattern (\d{4})Q([1-4]) with ASCII digits, checked by hand: every rule asks for the period
        if (text.length() != 6 || text.charAt(4) != 'Q' || text.charAt(5) < '1' || text.charAt(5) > '4') {
            return Optional.empty();
        }
        int year = 0;
        for (int i = 0; i < 4; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
            year = year * 10 + (c - '0');
        }
        if (year < 1) {
            return Optional.empty(); // "0000Q1" is not a quarter; user input never throws
        }
        return Optional.of(new Period(year, text.charAt(5) - '0'));
    }

    public static Period containing(LocalDate date) {
        return new Period(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate start() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    /** The last day of the quarter ("period end"). */
    public LocalDate end() {
        return start().plusMonths(3).minusDays(1);
    }

    public Period previous() {
        return quarter == 1 ? new Period(year - 1, 4) : new Period(year, quarter - 1);
    }

    @Override
    public int compareTo(Period o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
    }

    @Override
    public String toString() {
        return year + "Q" + quarter;
    }
}
