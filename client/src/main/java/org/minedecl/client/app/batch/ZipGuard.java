package org.minedecl.client.app.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.minedecl.client.app.Language;
import org.minedecl.shared.rules.LocalizedText;

/**
 * Looks at every part of an XLSX before the spreadsheet library opens it, because the library trusts the file:
 * it decompresses parts without a bound and reads shared strings into memory. Refuses a zip bomb (more than
 * {@link SpreadsheetLimits#MAX_UNCOMPRESSED_BYTES} once decompressed, counted while decompressing, never taken
 * from the sizes the file claims), too many entries, duplicate names (the library also looks names up ignoring
 * case), and any XML part with a document type declaration or in an encoding other than UTF-8 (the library
 * refuses DTDs too; a part that carries one is hostile, since Office never writes one).
 */
final class ZipGuard {
    private static final byte[][] FORBIDDEN = {
            "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII), "<!ENTITY".getBytes(StandardCharsets.US_ASCII)};

    private ZipGuard() {
    }

    static void check(Path file) throws UnreadableSpreadsheet {
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > SpreadsheetLimits.MAX_ZIP_ENTRIES) {
                throw new UnreadableSpreadsheet(Language.both("import.error.zipGuard.theXlsxFileHasEntries",
                        zip.size(), SpreadsheetLimits.MAX_ZIP_ENTRIES));
            }
            Set<String> names = new HashSet<>();
            SharedStringRefs shared = new SharedStringRefs();
            byte[] buffer = new byte[64 * 1024];
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (!names.add(name.toLowerCase(Locale.ROOT))) {
                    throw damaged(Language.both("import.error.zipGuard.twoEntriesAreNamed", clip(name)));
                }
                boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
                Scan scan = new Scan();
                String lower = name.toLowerCase(Locale.ROOT);
                SharedStringRefs.Part refs = lower.startsWith("xl/worksheets/") && xml ? shared.part(false)
                        : lower.equals("xl/sharedstrings.xml") ? shared.part(true) : null;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                        if (total > SpreadsheetLimits.MAX_UNCOMPRESSED_BYTES) {
                            throw new UnreadableSpreadsheet(Language.both("import.error.zipGuard.theXlsxFileExpandsTo",
                                    (SpreadsheetLimits.MAX_UNCOMPRESSED_BYTES >> 20)));
                        }
                        if (xml) {
                            scan.feed(buffer, n, name);
                        }
                        if (refs != null) {
                            refs.feed(buffer, n);
                        }
                    }
                }
            }
            shared.check();
        } catch (ZipException e) {
            throw damaged(Language.both("import.error.zipGuard.notAValidXlsxZip",
                    clip(String.valueOf(e.getMessage()))));
        } catch (IOException e) {
            throw damaged(Language.both("import.error.zipGuard.cannotBeRead", clip(String.valueOf(e.getMessage()))));
        }
    }

    static UnreadableSpreadsheet damaged(LocalizedText why) {
        return new UnreadableSpreadsheet(new LocalizedText(Language.ZH.text("import.error.damaged", why.zh()),
                Language.EN.text("import.error.damaged", why.en())));
    }

    static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** Looks for the forbidden markups across buffer boundaries, and for a UTF-16 or UTF-32 start. */
    private static final class Scan {
        private final int[] matched = new int[FORBIDDEN.length];
        private boolean started;
        /** No forbidden word is partly matched: only a '<' can start one. */
        private boolean idle = true;

        void feed(byte[] b, int n, String part) throws UnreadableSpreadsheet {
            if (!started && n > 0) {
                started = true;
                if (b[0] == 0 || (n > 1 && b[1] == 0) || (b[0] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFF) {
                    throw damaged(Language.both("import.error.zipGuard.partIsNotUtf", clip(part)));
                }
            }
            for (int i = 0; i < n; i++) {
                if (idle && b[i] != '<') {
                    continue; // the common case: no markup declaration under way
                }
                idle = false;
                for (int k = 0; k < FORBIDDEN.length; k++) {
                    byte[] word = FORBIDDEN[k];
                    if (b[i] == word[matched[k]]) {
                        if (++matched[k] == word.length) {
                            throw damaged(Language.both("import.error.zipGuard.partCarriesADtdOr", clip(part)));
                        }
                    } else {
                        matched[k] = b[i] == word[0] ? 1 : 0;
                    }
                }
                idle = true;
                for (int m : matched) {
                    idle &= m == 0;
                }
            }
        }
    }
}
