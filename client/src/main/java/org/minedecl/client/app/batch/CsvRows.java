package org.minedecl.client.app.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.minedecl.client.app.Language;

/**
 * The rows of a CSV file (RFC 4180: comma-separated, fields in double quotes may hold commas, quotes as
 * {@code ""} and line breaks; records end with CRLF, LF or a lone CR). Every cell is text; a leading
 * {@code =} is text too, never a formula.
 *
 * <p>The encoding: UTF-8 (with or without a byte order mark). A file that is not UTF-8 but is valid GBK, what
 * Excel's plain "CSV" writes on a Chinese Windows, is read as GBK and says so ({@link #encoding()}); anything
 * else is refused with how to save it as "CSV UTF-8".
 */
final class CsvRows implements RowSource {
    /** GBK as Java names it; GB18030 would accept almost any bytes and so detect nothing. */
    static final Charset GBK = Charset.forName("GBK");

    private final Reader in;
    private final Charset encoding;
    private int record;
    private boolean done;

    private CsvRows(Reader in, Charset encoding) {
        this.in = in;
        this.encoding = encoding;
    }

    static CsvRows open(Path file) throws UnreadableSpreadsheet {
        try {
            Charset charset = detect(file);
            BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                    charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return new CsvRows(reader, charset);
        } catch (IOException e) {
            throw new UnreadableSpreadsheet(Language.both("import.error.csvRows.cannotReadTheCsvFile", e.getMessage()));
        }
    }

    /** The encoding the file was read in: UTF-8, or GBK when it was not UTF-8. */
    Charset encoding() {
        return encoding;
    }

    private static Charset detect(Path file) throws IOException, UnreadableSpreadsheet {
        if (decodes(file, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(file, GBK)) {
            return GBK;
        }
        throw new UnreadableSpreadsheet(Language.both("import.error.csvRows.theCsvFileIsNeither"));
    }

    /** Whether the whole file decodes strictly in {@code charset}, read in pieces so memory stays small. */
    private static boolean decodes(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(bytes.array(), bytes.position(), bytes.remaining())) >= 0) {
                bytes.position(bytes.position() + n);
                bytes.flip();
                CoderResult r = decoder.decode(bytes, chars, false);
                if (r.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            CoderResult r = decoder.decode(bytes, chars, true);
            if (r.isError() || bytes.hasRemaining()) {
                return false;
            }
            return !decoder.flush(chars).isError();
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Override
    public SheetRow next() throws UnreadableSpreadsheet {
        if (done) {
            return null;
        }
        try {
            return readRecord();
        } catch (CharacterCodingException e) {
            throw new UnreadableSpreadsheet(Language.both("import.error.csvRows.theCsvFileSRecord", (record + 1)));
        } catch (IOException e) {
            throw new UnreadableSpreadsheet(Language.both("import.error.csvRows.cannotReadTheCsvFile", e.getMessage()));
        }
    }

    private SheetRow readRecord() throws IOException, UnreadableSpreadsheet {
        int number = record + 1;
        List<SheetRow.Cell> cells = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int column = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        int c = in.read();
        if (c < 0) {
            done = true;
            return null;
        }
        if (++record > SpreadsheetLimits.MAX_ROWS) {
            throw new UnreadableSpreadsheet(Language.both("import.error.csvRows.theCsvFileHasMore",
                    SpreadsheetLimits.MAX_ROWS));
        }
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new UnreadableSpreadsheet(Language.both("import.error.csvRows.aQuoteOpenedInRecord", number));
                }
                if (c == '"') {
                    int next = in.read();
                    if (next == '"') {
                        append(field, '"', column, number);
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    append(field, (char) c, column, number);
                }
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',' || c == '\n' || c == '\r' || c < 0) {
                add(cells, field, column, number);
                field.setLength(0);
                wasQuoted = false;
                if (c == ',') {
                    if (++column >= SpreadsheetLimits.MAX_COLUMNS) {
                        throw new UnreadableSpreadsheet(Language.both("import.error.csvRows.recordOfTheCsvFile",
                                number, SpreadsheetLimits.MAX_COLUMNS));
                    }
                } else {
                    if (c == '\r') {
                        in.mark(1);
                        if (in.read() != '\n') {
                            in.reset();
                        }
                    } else if (c < 0) {
                        done = true;
                    }
                    return new SheetRow(number, cells);
                }
            } else {
                append(field, (char) c, column, number);
            }
            c = in.read();
        }
    }

    private static void append(StringBuilder field, char c, int column, int row) throws UnreadableSpreadsheet {
        if (field.length() >= SpreadsheetLimits.MAX_CELL_CHARS) {
            String ref = SheetRow.ref(column, row);
            throw new UnreadableSpreadsheet(Language.both("import.error.csvRows.cellHoldsMoreThanCharacters",
                    ref, SpreadsheetLimits.MAX_CELL_CHARS));
        }
        field.append(c);
    }

    private static void add(List<SheetRow.Cell> cells, StringBuilder field, int column, int row) {
        if (field.length() > 0) {
            cells.add(new SheetRow.Cell(column, row, new CellValue.Text(field.toString())));
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing a file only read; nothing to report
        }
    }
}
