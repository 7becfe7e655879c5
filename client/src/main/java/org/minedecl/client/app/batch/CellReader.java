package org.minedecl.client.app.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.drafts.FieldKind;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.LocalizedText;
import org.minedecl.shared.rules.StructuralFindings;

/**
 * Gives one cell its field's meaning: the JSON value of {@code mine-declaration/1}, or a finding at the cell's
 * field (CORE-NUM-01 for money and numbers, CORE-SCHEMA-01 otherwise) saying what is wrong in a spreadsheet
 * user's terms. Numbers are read from the decimal text the file stores, never through a double.
 */
final class CellReader {
    /**
     * Significant digits a spreadsheet keeps: Excel shows and computes with 15, but may store a binary fraction's
     * 17 ({@code 30000.099999999999}); rounding to 15 gives back what the user typed.
     */
    private static final MathContext SPREADSHEET_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*(?:-|/|\\.|年)\\s*(\\d{1,2})\\s*(?:-|/|\\.|月)\\s*(\\d{1,2})\\s*日?");
    private static final LocalDate EXCEL_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EXCEL_1904 = LocalDate.of(1904, 1, 1);
    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private final ColumnCatalog catalog;
    private final boolean date1904;

    CellReader(ColumnCatalog catalog, boolean date1904) {
        this.catalog = catalog;
        this.date1904 = date1904;
    }

    /** The value, or the finding (at {@code $.path}) that explains why the cell cannot be used. */
    sealed interface Result {
    }

    record Value(JsonNode json) implements Result {
    }

    record Problem(Finding finding) implements Result {
    }

    Result read(FieldSpec field, String path, CellValue cell) {
        if (cell instanceof CellValue.Unusable u) {
            return problem(field, path, u.problem());
        }
        switch (field.kind()) {
            case MONEY:
                return money(field, path, cell);
            case NUMBER:
                return number(field, path, cell);
            case DATE:
                return date(field, path, cell);
            case BOOLEAN:
                return bool(field, path, cell);
            case ENUM:
                return enumValue(field, path, cell);
            default:
                return new Value(JSON.textNode(text(cell)));
        }
    }

    private Result money(FieldSpec field, String path, CellValue cell) {
        Optional<BigDecimal> d = decimal(cell);
        if (d.isEmpty()) {
            return problem(field, path, Language.both("import.error.cellReader.moneyMustBeANumber", shown(cell)));
        }
        BigDecimal v = d.get();
        if (v.stripTrailingZeros().scale() > 2) {
            return problem(field, path, Language.both("import.error.cellReader.moneyHasAtMostTwo", shown(cell)));
        }
        return new Value(JSON.textNode(v.setScale(2, RoundingMode.UNNECESSARY).toPlainString()));
    }

    private Result number(FieldSpec field, String path, CellValue cell) {
        Optional<BigDecimal> d = decimal(cell);
        if (d.isEmpty()) {
            // the unit is said in each language's own words
            return problem(field, path, new LocalizedText(
                    Language.ZH.text("import.error.cellReader.expectedANumber", unit(field, true), shown(cell)),
                    Language.EN.text("import.error.cellReader.expectedANumber", unit(field, false), shown(cell))));
        }
        BigDecimal v = d.get();
        if (v.scale() > 0) {
            v = v.stripTrailingZeros();
            v = v.scale() < 0 ? v.setScale(0) : v;
        }
        return new Value(JSON.numberNode(v));
    }

    /** The exact decimal of a number cell or a decimal text (thousands separators allowed); empty otherwise. */
    private static Optional<BigDecimal> decimal(CellValue cell) {
        if (cell instanceof CellValue.Number n) {
            try {
                BigDecimal v = new BigDecimal(n.decimal());
                return Optional.of(v.precision() > SPREADSHEET_DIGITS.getPrecision() ? v.round(SPREADSHEET_DIGITS) : v);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (cell instanceof CellValue.Text t) {
            String s = t.text().strip();
            if (s.length() <= 40 && DECIMAL.matcher(s).matches()) {
                return Optional.of(new BigDecimal(s.replace(",", "")));
            }
        }
        return Optional.empty();
    }

    private Result date(FieldSpec field, String path, CellValue cell) {
        if (cell instanceof CellValue.Number n) {
            try {
                BigDecimal serial = new BigDecimal(n.decimal());
                long days = serial.setScale(0, RoundingMode.FLOOR).longValueExact();
                if (days >= 1 && days < 2_958_466 && (date1904 || days != 60)) {
                    LocalDate day = date1904 ? EXCEL_1904.plusDays(days)
                            : days < 60 ? EXCEL_1900.plusDays(days + 1) : EXCEL_1900.plusDays(days);
                    return new Value(JSON.textNode(day.toString()));
                }
            } catch (ArithmeticException | NumberFormatException e) {
                // reported below
            }
            return problem(field, path, Language.both("import.error.cellReader.notAValidDate", shown(cell)));
        }
        if (cell instanceof CellValue.Text t) {
            Matcher m = DATE.matcher(t.text().strip());
            if (m.matches()) {
                try {
                    LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                    return new Value(JSON.textNode(day.toString()));
                } catch (DateTimeException e) {
                    return problem(field, path, Language.both("import.error.cellReader.noSuchDate", shown(cell)));
                }
            }
        }
        return problem(field, path, Language.both("import.error.cellReader.expectedADateYyyyMm", shown(cell)));
    }

    private Result bool(FieldSpec field, String path, CellValue cell) {
        if (cell instanceof CellValue.Bool b) {
            return new Value(JSON.booleanNode(b.value()));
        }
        String s = text(cell).strip();
        if (s.equalsIgnoreCase("true") || s.equals("是") || (cell instanceof CellValue.Number && s.equals("1"))) {
            return new Value(JSON.booleanNode(true));
        }
        if (s.equalsIgnoreCase("false") || s.equals("否") || (cell instanceof CellValue.Number && s.equals("0"))) {
            return new Value(JSON.booleanNode(false));
        }
        return problem(field, path, Language.both("import.error.cellReader.expectedOrTrueFalseNot", shown(cell)));
    }

    private Result enumValue(FieldSpec field, String path, CellValue cell) {
        Optional<String> code = catalog.enumCode(field.enumType(), text(cell));
        if (code.isPresent()) {
            return new Value(JSON.textNode(code.get()));
        }
        String choices = String.join("、", catalog.enumChoices(field.enumType()));
        return problem(field, path, Language.both("import.error.cellReader.unknownValueExpectedACode",
                shown(cell), choices));
    }

    /** The text of a cell for a text field: a number cell's exact decimal, a boolean as true/false. */
    private static String text(CellValue cell) {
        if (cell instanceof CellValue.Text t) {
            return t.text().strip();
        }
        if (cell instanceof CellValue.Number n) {
            try {
                return new BigDecimal(n.decimal()).toPlainString();
            } catch (NumberFormatException e) {
                return n.decimal();
            }
        }
        if (cell instanceof CellValue.Bool b) {
            return Boolean.toString(b.value());
        }
        return "";
    }

    private static String shown(CellValue cell) {
        String s = text(cell);
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
    }

    private static String unit(FieldSpec field, boolean zh) {
        if (field.unit().isEmpty()) {
            return "";
        }
        return zh ? "（" + field.unit() + "）" : " (" + field.unit() + ")";
    }

    private static Result problem(FieldSpec field, String path, LocalizedText text) {
        boolean numeric = field.kind() == FieldKind.MONEY || field.kind() == FieldKind.NUMBER;
        return new Problem(numeric ? StructuralFindings.number(path, text) : StructuralFindings.schema(path, text));
    }
}
