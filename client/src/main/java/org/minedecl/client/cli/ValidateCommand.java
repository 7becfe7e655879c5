package org.minedecl.client.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.minedecl.client.app.BusinessClock;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.validation.ValidationService;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.DeclarationParser;
import org.minedecl.shared.rules.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code minedecl validate FILE.json [--previous PREV.json]... [--as-of YYYY-MM-DD] [--format text|json]
 * [--lang zh|en]}: checks one declaration against the rule packs of its jurisdiction. Exit 0 without ERROR
 * findings, 1 with, 2 on a usage error (one line on stderr). stdout carries the results only.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"检查一份季度申报 / check one quarterly declaration against the rule packs",
                "Exit codes: 0 no ERROR findings, 1 ERROR findings, 2 usage error."})
public class ValidateCommand implements Callable<Integer> {
    /** Largest file read at all; the parser's own limit ({@link DeclarationParser#MAX_DOCUMENT_BYTES}) is lower. */
    static final long MAX_FILE_BYTES = 64L << 20;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.json",
            description = "the declaration (mine-declaration/1)")
    Path file;

    /** Unknown options and extra arguments, reported by this command as one line rather than a usage dump. */
    @Unmatched
    List<String> unmatched = new java.util.ArrayList<>();

    @Option(names = "--previous", paramLabel = "PREV.json",
            description = "an accepted earlier declaration of the same mine; repeat for several quarters (enables the "
                    + "history rules: CORE-CONS-01, CORE-REPEAT-01, CORE-CAP-01, CORE-RESV-01, SZ-RECL-01, ZN-RECL-01, "
                    + "SG-NEVER-01)")
    List<Path> previous = new java.util.ArrayList<>();

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "\"today\", the signing date (default: the current date)")
    String asOf;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json: {\"findings\": [...]}")
    String format;

    @Option(names = "--lang", paramLabel = "zh|en", description = "language of the text output (default zh)")
    String lang;

    /** "Today" when there is no --as-of: the date in Asia/Shanghai, as the server counts days late (tests fix it). */
    BusinessClock clock = BusinessClock.system();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Language messages = CliLanguage.errors(lang);
        try {
            if (!unmatched.isEmpty()) {
                return usage(err, messages.text("validate.unmatched", String.join(" ", unmatched)));
            }
            if (file == null) {
                return usage(err, messages.text("validate.missingFile"));
            }
            if (!format.equals("text") && !format.equals("json")) {
                return usage(err, messages.text("cli.format.invalid", format));
            }
            if (!CliLanguage.valid(lang)) {
                return usage(err, messages.text("cli.lang.invalid", lang));
            }
            LocalDate day;
            try {
                day = asOf == null ? null : LocalDate.parse(asOf, ISO);
            } catch (DateTimeParseException e) {
                return usage(err, messages.text("cli.asOf.invalid", asOf));
            }
            byte[] json = read(file, messages);
            List<Declaration> earlier = new java.util.ArrayList<>();
            for (Path prevFile : previous) {
                try {
                    earlier.add(ValidationService.previous(read(prevFile, messages)));
                } catch (ValidationService.UnreadablePrevious e) {
                    return usage(err, messages.text("validate.previousUnreadable", prevFile, e.getMessage()));
                }
            }
            ValidationService.Result result = ValidationService.standard(clock).validate(json, day, earlier);
            if (format.equals("json")) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("findings", result.findings());
                out.println(mapper.writeValueAsString(doc));
            } else {
                printText(out, result);
            }
            out.flush();
            return result.hasErrors() ? ExitCodes.DECLARATION_ERRORS : ExitCodes.OK;
        } catch (UsageError e) {
            return usage(err, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return usage(err, messages.text("validate.failed", e));
        }
    }

    private static byte[] read(Path path, Language messages) {
        try {
            if (Files.isDirectory(path)) {
                throw new UsageError(messages.text("validate.isDirectory", path));
            }
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new UsageError(messages.text("validate.tooLarge", path, Files.size(path),
                        DeclarationParser.MAX_DOCUMENT_BYTES));
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UsageError(messages.text("cli.noSuchFile", path));
        } catch (IOException e) {
            throw new UsageError(messages.text("cli.cannotRead", path, e.getMessage()));
        }
    }

    private void printText(PrintWriter out, ValidationService.Result result) {
        Language language = CliLanguage.results(lang);
        Declaration d = result.declaration();
        out.println(d == null ? language.text("validate.header.unreadable", file.getFileName(), result.day())
                : language.text("validate.header", file.getFileName(), d.period(), d.jurisdiction(), result.day()));
        if (d != null) {
            out.println(language.text("validate.packs", result.packs().stream()
                    .map(p -> p.id() + " " + p.version() + (p.jurisdiction().isEmpty() ? "" : " (" + p.jurisdiction() + ")"))
                    .collect(Collectors.joining(", "))));
            if (result.coreOnly()) {
                out.println(language.text("validate.coreOnly", d.jurisdiction()));
            }
        } else {
            out.println(language.text("validate.unreadable"));
        }
        FindingText.printGrouped(out::println, result.findings(), language);
        out.println();
        long errors = result.count(Severity.ERROR);
        out.println(language.text("validate.summary", errors, result.count(Severity.FLAG),
                result.count(Severity.WARNING)) + (errors > 0 ? language.text("validate.summary.blocked") : ""));
    }

    private static int usage(PrintWriter err, String message) {
        err.println("minedecl validate: " + message);
        err.flush();
        return ExitCodes.USAGE;
    }

    /** A problem with the command's input (file, option) rather than with the declaration. */
    private static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }
}
