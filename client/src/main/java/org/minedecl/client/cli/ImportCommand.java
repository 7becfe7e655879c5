package org.minedecl.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.batch.ColumnCatalog;
import org.minedecl.client.app.batch.ImportReport;
import org.minedecl.client.app.batch.ImportReportJson;
import org.minedecl.client.app.batch.ImportTemplate;
import org.minedecl.client.app.batch.SpreadsheetImporter;
import org.minedecl.client.app.batch.UnreadableSpreadsheet;
import org.minedecl.shared.rules.RuleEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code minedecl import FILE.csv|FILE.xlsx --out DIR [--as-of D] [--format text|json] [--lang zh|en]} and
 * {@code minedecl import --template FILE.xlsx|FILE.csv} (CONTRACTS section 10). Parses, calls
 * {@link SpreadsheetImporter} or {@link ImportTemplate}, prints. Exit 0 when every row was imported, 1 when a row
 * has ERROR findings, 2 for a file that cannot be read or a usage error.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"从电子表格批量导入申报（每行一份）/ import declarations from a spreadsheet, one per row",
                "Exit codes: 0 every row imported, 1 a row has ERROR findings, 2 unreadable file or usage error."})
public class ImportCommand implements Callable<Integer> {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "the spreadsheet: .xlsx or .csv")
    Path file;

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "folder for the declarations (created if missing)")
    Path out;

    @Option(names = "--template", paramLabel = "FILE", description = "write an empty template (.xlsx or .csv) instead")
    Path template;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "\"today\", the signing date (default: today in Asia/Shanghai)")
    String asOf;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: {\"rows\": [{\"row\", \"file\"?, \"findings\"}]}")
    String format;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh", description = "language of the output")
    String lang;

    private Language texts;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        texts = CliLanguage.results(lang);
        try {
            if (!"zh".equals(lang) && !"en".equals(lang)) {
                return usage(err, text("import.usage.lang", lang));
            }
            if (!unmatched.isEmpty()) {
                return usage(err, text("import.usage.unknown", String.join(" ", unmatched)));
            }
            if (template != null) {
                if (file != null) {
                    return usage(err, text("import.usage.both"));
                }
                ImportTemplate t = new ImportTemplate(ColumnCatalog.standard());
                t.write(template);
                stdout.println(text("import.template.written", template, t.columns().size()));
                stdout.flush();
                return ExitCodes.OK;
            }
            if (file == null) {
                return usage(err, text("import.usage.noFile"));
            }
            if (out == null) {
                return usage(err, text("import.usage.noOut"));
            }
            if (!format.equals("text") && !format.equals("json")) {
                return usage(err, text("import.usage.format", format));
            }
            LocalDate day;
            try {
                day = asOf == null ? LocalDate.now(BUSINESS_ZONE) : LocalDate.parse(asOf, ISO);
            } catch (DateTimeParseException e) {
                return usage(err, text("import.usage.asOf", asOf));
            }
            ImportReport report = new SpreadsheetImporter(RuleEngine.standard(), ColumnCatalog.standard())
                    .importFile(file, out, day);
            if (format.equals("json")) {
                stdout.println(ImportReportJson.write(report));
            } else {
                printText(stdout, report, day);
            }
            stdout.flush();
            return report.refused() > 0 ? ExitCodes.DECLARATION_ERRORS : ExitCodes.OK;
        } catch (UnreadableSpreadsheet e) {
            return usage(err, (file == null ? "" : file + ": ") + e.reason().in(lang));
        } catch (IOException e) {
            return usage(err, text("import.usage.cannotWrite", out == null ? template : out, e.getMessage()));
        }
    }

    private void printText(PrintWriter stdout, ImportReport report, LocalDate day) {
        stdout.println(text("import.header", file.getFileName(), day, report.rows().size(), report.imported(), out,
                report.refused()));
        if (report.sheet() != null) {
            stdout.println(report.otherSheets().isEmpty() ? text("import.sheet", report.sheet())
                    : text("import.sheet.others", report.sheet(), String.join(text("import.sheet.separator"),
                    report.otherSheets())));
        }
        if (report.encoding() != null && !report.encoding().name().equals("UTF-8")) {
            stdout.println(text("import.encoding.gbk"));
        }
        for (ImportReport.RowResult row : report.rows()) {
            if (row.findings().isEmpty()) {
                continue;
            }
            stdout.println();
            stdout.println(row.file() == null ? text("import.row.refused", row.row())
                    : text("import.row.written", row.row(), row.file()));
            for (ImportReport.CellFinding f : row.findings()) {
                stdout.println("  " + text("import.finding", f.finding().severity(), f.finding().ruleId(),
                        f.cell() == null ? "-" : f.cell(), f.column()));
                stdout.println("    " + f.finding().message().in(lang));
                stdout.println("    " + text("import.citation", f.finding().citation()));
            }
        }
    }

    private String text(String key, Object... args) {
        return texts.text(key, args);
    }

    private int usage(PrintWriter err, String message) {
        err.println(text("import.usage.prefix") + message);
        err.flush();
        return ExitCodes.USAGE;
    }
}
