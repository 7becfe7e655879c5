package org.minedecl.client.app.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.minedecl.client.app.Language;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.DeclarationParser;
import org.minedecl.shared.rules.DeclarationValidator;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.RuleEngine;
import org.minedecl.shared.rules.Severity;
import org.minedecl.shared.rules.StructuralFindings;

/**
 * {@code minedecl batch validate DIR}: every {@code *.json} declaration in a folder checked with the rule packs as of
 * one day, one result per file (file, mine, errors, flags, warnings, the first finding), as the single
 * {@link DeclarationValidator} checks one.
 */
public final class BatchValidator {
    /** Files larger than this are not read: a declaration is at most {@link DeclarationParser#MAX_DOCUMENT_BYTES}. */
    static final long MAX_FILE_BYTES = 64L << 20;

    private final DeclarationValidator validator;

    public BatchValidator(RuleEngine engine) {
        this.validator = new DeclarationValidator(engine);
    }

    /** One declaration's result; {@code first} is its most severe finding (ERROR, then FLAG, then WARNING), or null. */
    public record Result(String file, String mine, long errors, long flags, long warnings, Finding first) {
    }

    /** Validates every {@code *.json} in {@code dir} (sorted by name) as of {@code asOf}. */
    public List<Result> validate(Path dir, LocalDate asOf) throws IOException {
        List<Result> results = new ArrayList<>();
        for (Path file : BatchFolder.files(dir, ".json")) {
            results.add(validateOne(file, asOf));
        }
        return results;
    }

    Result validateOne(Path file, LocalDate asOf) throws IOException {
        List<Finding> findings;
        Declaration d = null;
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            findings = List.of(StructuralFindings.schema("$", Language.both("import.error.batchValidator.theFileIsBytesNot",
                    size)));
        } else {
            DeclarationValidator.ValidationResult v = validator.validate(Files.readAllBytes(file), asOf, null);
            findings = v.findings();
            d = v.declaration();
        }
        Finding first = null;
        for (Severity s : List.of(Severity.ERROR, Severity.FLAG, Severity.WARNING)) {
            first = findings.stream().filter(f -> f.severity() == s).findFirst().orElse(null);
            if (first != null) {
                break;
            }
        }
        String mine = d == null || d.mine() == null ? null : d.mine().name();
        return new Result(file.getFileName().toString(), mine, count(findings, Severity.ERROR),
                count(findings, Severity.FLAG), count(findings, Severity.WARNING), first);
    }

    private static long count(List<Finding> findings, Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
