package org.minedecl.client.app.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.minedecl.client.app.Language;
import org.minedecl.shared.declaration.Declaration;
import org.minedecl.shared.declaration.DeclarationWriter;
import org.minedecl.shared.rules.DeclarationValidator;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.RuleEngine;

/**
 * {@code minedecl import} (CONTRACTS section 10): reads a CSV or XLSX file row by row, turns each data row into a
 * {@code mine-declaration/1} document, validates it with the rule packs as of a given day, and writes each row
 * without ERROR findings to the output folder. Every finding is located at its column and cell.
 *
 * <p>Memory stays flat as rows grow: rows are streamed and each is forgotten once its file is written. Files
 * are first written into a hidden folder inside the output folder and moved into place only when the whole
 * spreadsheet was read; a spreadsheet that cannot be read ({@link UnreadableSpreadsheet}) leaves nothing.
 */
public final class SpreadsheetImporter {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final DeclarationValidator validator;
    private final ColumnCatalog catalog;

    public SpreadsheetImporter(RuleEngine engine, ColumnCatalog catalog) {
        this.validator = new DeclarationValidator(engine);
        this.catalog = catalog;
    }

    /**
     * Imports {@code file} into {@code outDir} (created when missing) as of {@code asOf}.
     *
     * @throws UnreadableSpreadsheet when the file cannot be imported at all; nothing is written then
     * @throws IOException           when the output folder cannot be written
     */
    public ImportReport importFile(Path file, Path outDir, LocalDate asOf) throws UnreadableSpreadsheet, IOException {
        boolean created = !Files.isDirectory(outDir);
        try (RowSource rows = open(file)) {
            Map<Integer, ColumnCatalog.Column> header = header(rows.next());
            Files.createDirectories(outDir);
            Path staging = Files.createTempDirectory(outDir, ".minedecl-import-");
            try {
                ImportReport report = read(rows, header, staging, asOf);
                publish(staging, outDir);
                return report;
            } catch (UnreadableSpreadsheet | IOException | RuntimeException e) {
                deleteTree(staging);
                if (created) {
                    deleteIfEmpty(outDir);
                }
                throw e;
            }
        }
    }

    private static RowSource open(Path file) throws UnreadableSpreadsheet {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (Files.isDirectory(file)) {
                throw new UnreadableSpreadsheet(Language.both("import.error.spreadsheetImporter.isAFolderNotA", file));
            }
            long size = Files.size(file);
            if (size > SpreadsheetLimits.MAX_FILE_BYTES) {
                throw new UnreadableSpreadsheet(Language.both("import.error.spreadsheetImporter.theFileIsBytesMore",
                        size, SpreadsheetLimits.MAX_FILE_BYTES));
            }
            byte[] head = new byte[8];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            }
            boolean zip = n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
            boolean ole2 = n == 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF;
            if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
                if (ole2) {
                    throw new UnreadableSpreadsheet(Language.both("import.error.spreadsheetImporter.thisIsAnOldXls"));
                }
                if (!zip) {
                    throw new UnreadableSpreadsheet(Language.both("import.error.spreadsheetImporter.notAnXlsxFileIts"));
                }
                return XlsxRows.open(file);
            }
            if (name.endsWith(".csv")) {
                return CsvRows.open(file);
            }
            throw new UnreadableSpreadsheet(Language.both("import.error.spreadsheetImporter.onlyCsvAndXlsxFiles"));
        } catch (NoSuchFileException e) {
            throw new UnreadableSpreadsheet(Language.both("import.error.spreadsheetImporter.noSuchFile", file));
        } catch (IOException e) {
            throw new UnreadableSpreadsheet(Language.both("import.error.spreadsheetImporter.cannotRead",
                    file, e.getMessage()));
        }
    }

    /** The columns by position; an unknown or repeated header is refused with its cell. */
    private Map<Integer, ColumnCatalog.Column> header(SheetRow row) throws UnreadableSpreadsheet {
        if (row == null || row.cells().isEmpty()) {
            throw new UnreadableSpreadsheet(Language.both("import.error.spreadsheetImporter.theFileIsEmptyRow"));
        }
        if (row.number() != 1) {
            throw new UnreadableSpreadsheet(Language.both("import.error.spreadsheetImporter.rowIsEmptyRowMust"));
        }
        Map<Integer, ColumnCatalog.Column> columns = new TreeMap<>();
        Map<String, String> seen = new HashMap<>();
        for (SheetRow.Cell cell : row.cells()) {
            String text = cell.value() instanceof CellValue.Text t ? t.text().strip() : "";
            if (text.isEmpty()) {
                continue;
            }
            ColumnCatalog.Column column = catalog.resolve(text).orElseThrow(() -> new UnreadableSpreadsheet(
                    Language.both("import.error.spreadsheetImporter.headerCellIsNotA",
                    cell.ref(), ZipGuard.clip(text))));
            String before = seen.put(column.path(), cell.ref());
            if (before != null) {
                throw new UnreadableSpreadsheet(Language.both("import.error.spreadsheetImporter.headerCellsAndNameThe",
                        before, cell.ref(), column.path()));
            }
            columns.put(cell.column(), column);
        }
        return columns;
    }

    private ImportReport read(RowSource rows, Map<Integer, ColumnCatalog.Column> header, Path staging,
                              LocalDate asOf) throws UnreadableSpreadsheet, IOException {
        CellReader cells = new CellReader(catalog, rows.date1904());
        List<ImportReport.RowResult> results = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, Integer> order = columnOrder(header);
        for (SheetRow row = rows.next(); row != null; row = rows.next()) {
            ImportReport.RowResult result = importRow(row, header, order, cells, asOf, staging, names);
            if (result != null) {
                results.add(result);
            }
        }
        return new ImportReport(results, rows instanceof CsvRows csv ? csv.encoding() : null, rows.sheet(),
                rows.otherSheets());
    }

    /** One row: null when it has nothing in a known column (a blank line between mines is no declaration). */
    private ImportReport.RowResult importRow(SheetRow row, Map<Integer, ColumnCatalog.Column> header,
                                             Map<String, Integer> order, CellReader reader, LocalDate asOf,
                                             Path staging, Set<String> names)
            throws IOException {
        List<Placed> values = new ArrayList<>();
        List<ImportReport.CellFinding> findings = new ArrayList<>();
        Set<String> problemPaths = new HashSet<>();
        for (SheetRow.Cell cell : row.cells()) {
            ColumnCatalog.Column column = header.get(cell.column());
            if (column == null || isBlank(cell.value())) {
                continue;
            }
            CellReader.Result r = reader.read(column.field(), "$." + column.path(), cell.value());
            if (r instanceof CellReader.Value v) {
                values.add(new Placed(column, cell, v.json()));
            } else {
                Finding f = ((CellReader.Problem) r).finding();
                problemPaths.add(f.path());
                findings.add(new ImportReport.CellFinding(f, column.path(), cell.ref()));
            }
        }
        if (values.isEmpty() && findings.isEmpty()) {
            return null;
        }
        Document doc = document(values, order, row.number());
        DeclarationValidator.ValidationResult result = validator.validate(JSON.writeValueAsBytes(doc.root), asOf,
                null);
        for (Finding f : result.findings()) {
            if (problemPaths.contains(f.path())) {
                continue; // the cell's own finding already says it; the parser would only add "missing"
            }
            Source at = doc.locate(f.path());
            findings.add(new ImportReport.CellFinding(f, at.column, at.cell));
        }
        findings.sort(Comparator.comparingInt(f -> order.getOrDefault(f.column(), Integer.MAX_VALUE)));
        boolean errors = findings.stream().anyMatch(f -> f.finding().severity()
                == org.minedecl.shared.rules.Severity.ERROR);
        String name = null;
        if (!errors && result.declaration() != null) {
            name = fileName(result.declaration(), row.number(), names);
            Files.write(staging.resolve(name), DeclarationWriter.write(result.declaration()));
        }
        return new ImportReport.RowResult(row.number(), name, findings);
    }

    private static Map<String, Integer> columnOrder(Map<Integer, ColumnCatalog.Column> header) {
        Map<String, Integer> order = new HashMap<>();
        header.forEach((i, c) -> order.put(c.path(), i));
        return order;
    }

    private static boolean isBlank(CellValue v) {
        return v instanceof CellValue.Text t && t.text().isBlank();
    }

    /** One cell's value on its way into the document. */
    private record Placed(ColumnCatalog.Column column, SheetRow.Cell cell, JsonNode value) {
    }

    /** Where a finding's JSON path came from in the spreadsheet. */
    private record Source(String column, String cell) {
    }

    /** The row as a JSON document, and the cell every value came from (by the value's JSON path). */
    private static final class Document {
        final ObjectNode root = NODES.objectNode();
        final Map<String, Integer> columns;
        final int row;
        /** Each value and where it went: (value path without {@code $.}, the cell); made into a map on demand. */
        final List<Map.Entry<String, Placed>> placed = new ArrayList<>();
        /** Value paths ({@code $.greenMine.milestones[0].due}) to their cells, in column order: only for findings. */
        private Map<String, Source> sources;

        Document(Map<String, Integer> columns, int row) {
            this.columns = columns;
            this.row = row;
        }

        Source locate(String path) {
            if (sources == null) {
                sources = new LinkedHashMap<>();
                for (Map.Entry<String, Placed> e : placed) {
                    Placed p = e.getValue();
                    sources.put("$." + e.getKey(), new Source(p.column().path(), p.cell().ref()));
                }
            }
            Source exact = sources.get(path);
            if (exact != null) {
                return exact;
            }
            for (Map.Entry<String, Source> e : sources.entrySet()) {
                String k = e.getKey();
                if (k.startsWith(path) && k.length() > path.length()
                        && (k.charAt(path.length()) == '.' || k.charAt(path.length()) == '[')) {
                    return e.getValue();
                }
            }
            // an empty cell of a column (a required field left empty), or no column at all: no cell then
            String column = path.startsWith("$.") ? path.substring(2) : path;
            Integer index = columns.get(column);
            return new Source(column, index == null ? null : SheetRow.ref(index, row));
        }
    }

    /**
     * Builds the document: objects along each path; an array from the elements that have a value, in element
     * order and without gaps (a spreadsheet may fill milestone 1 and 3); the schema, and an empty attachment
     * list when the spreadsheet has no attachment columns.
     */
    private static Document document(List<Placed> values, Map<String, Integer> columns, int row) {
        Document doc = new Document(columns, row);
        // array path -> element index -> (field name -> placed)
        Map<String, TreeMap<Integer, List<Placed>>> arrays = new LinkedHashMap<>();
        for (Placed p : values) {
            FieldSpec f = p.column().field();
            if (f.inArray()) {
                String arrayPath = f.path().substring(0, f.path().indexOf("[]"));
                arrays.computeIfAbsent(arrayPath, k -> new TreeMap<>())
                        .computeIfAbsent(p.column().index(), k -> new ArrayList<>()).add(p);
            } else {
                put(doc.root, f.path(), p.value());
                doc.placed.add(Map.entry(f.path(), p));
            }
        }
        for (Map.Entry<String, TreeMap<Integer, List<Placed>>> a : arrays.entrySet()) {
            ArrayNode array = NODES.arrayNode();
            int k = 0;
            for (List<Placed> element : a.getValue().values()) {
                ObjectNode item = array.addObject();
                for (Placed p : element) {
                    String leaf = p.column().field().path().substring(a.getKey().length() + 3);
                    put(item, leaf, p.value());
                    doc.placed.add(Map.entry(a.getKey() + "[" + k + "]." + leaf, p));
                }
                k++;
            }
            put(doc.root, a.getKey(), array);
        }
        if (!doc.root.has("schema")) {
            doc.root.put("schema", Declaration.SCHEMA);
        }
        if (!doc.root.has("attachments")) {
            doc.root.putArray("attachments");
        }
        return doc;
    }

    private static void put(ObjectNode root, String dotted, JsonNode value) {
        String[] parts = dotted.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) && node.get(parts[i]).isObject() ? (ObjectNode) node.get(parts[i])
                    : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    /**
     * {@code <USCC>-<period>-<mine name>.json}; the row number is added when a mine appears twice in one
     * spreadsheet. The mine name keeps letters and digits of any script; anything else becomes {@code _}.
     */
    static String fileName(Declaration d, int row, Set<String> taken) {
        String mine = d.mine() == null || d.mine().name() == null ? "" : d.mine().name();
        StringBuilder safe = new StringBuilder();
        mine.codePoints().limit(40).forEach(c -> safe.appendCodePoint(Character.isLetterOrDigit(c) ? c : '_'));
        String base = d.enterprise().uscc() + "-" + d.period() + (safe.length() == 0 ? "" : "-" + safe);
        String name = base + ".json";
        if (!taken.add(name.toLowerCase(Locale.ROOT))) {
            name = base + "-row" + row + ".json";
            taken.add(name.toLowerCase(Locale.ROOT));
        }
        return name;
    }

    /** Moves the staged files into the output folder, replacing files of the same name, and removes the stage. */
    private static void publish(Path staging, Path outDir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
            for (Path f : files) {
                Path target = outDir.resolve(f.getFileName().toString());
                try {
                    Files.move(f, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (FileAlreadyExistsException e) {
                    Files.move(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.delete(staging);
    }

    private static void deleteTree(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a stage left behind is hidden and holds only what would have been imported
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            if (!files.iterator().hasNext()) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException ignored) {
            // the folder stays; it is empty or holds the user's own files
        }
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
