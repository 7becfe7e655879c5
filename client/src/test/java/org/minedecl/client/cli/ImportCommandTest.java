package org.minedecl.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path csv(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void aRowWithMissingFieldsIsReportedInTheContractsJsonShape() throws Exception {
        Path file = csv("one.csv", "period,jurisdiction,mine.name\n2026Q3,140525,金岭\n");
        CliRun r = CliRun.of("import", file.toString(), "--out", dir.resolve("out").toString(), "--as-of",
                "2026-10-10", "--format", "json");
        JsonNode report = JSON.readTree(r.out());
        assertThat(r.exit()).isEqualTo(1);
        JsonNode finding = report.at("/rows/0/findings/0");
        assertThat(report.at("/rows/0/row").asInt()).isEqualTo(2);
        assertThat(report.at("/rows/0/file").isMissingNode()).isTrue();
        assertThat(finding.get("ruleId").asText()).isEqualTo("CORE-SCHEMA-01");
        assertThat(finding.has("column")).isTrue();
        assertThat(finding.get("message").has("zh")).isTrue();
    }

    @Test
    void theTemplatesExampleSheetImportsAsADeclarationThatValidateAccepts() throws Exception {
        Path tpl = dir.resolve("template.xlsx");
        CliRun t = CliRun.of("import", "--template", tpl.toString());
        assertThat(t.exit()).isEqualTo(0);
        assertThat(t.out()).contains(tpl.toString());
        Path out = dir.resolve("out");

        // the data sheet is empty: nothing to import, nothing wrong
        CliRun empty = CliRun.of("import", tpl.toString(), "--out", out.toString(), "--as-of", "2026-10-10");
        assertThat(empty.exit()).as(empty.err()).isEqualTo(0);
        assertThat(empty.out()).contains("0 份申报已写入").contains("读取工作表“申报数据”（第一个工作表）；其他工作表不读取：示例、填写说明、选项");

        // the example sheet, made the first sheet of a copy: 1 row, written, accepted by validate
        Path example = dir.resolve("example.xlsx");
        exampleSheetFirst(tpl, example);
        CliRun r = CliRun.of("import", example.toString(), "--out", out.toString(), "--as-of", "2026-10-10",
                "--lang", "en");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.out()).contains("1 data rows, 1 declarations written");
        Path written;
        try (var files = Files.list(out)) {
            written = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        CliRun v = CliRun.of("validate", written.toString(), "--as-of", "2026-10-10");
        assertThat(v.exit()).as(v.out()).isEqualTo(0);
    }

    /** A copy of the template whose first sheet is the example sheet (the importer reads the first sheet). */
    static void exampleSheetFirst(Path template, Path copy) throws Exception {
        try (ZipFile zip = new ZipFile(template.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (var e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("xl/workbook.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<sheet [^>]*name=\"&#x793a;&#x4f8b;\"[^>]*/>")
                            .matcher(xml);
                    assertThat(m.find()).as(xml).isTrue();
                    String sheet = m.group();
                    xml = xml.replace(sheet, "").replace("<sheets>", "<sheets>" + sheet);
                    bytes = xml.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    @Test
    void theTemplateHasDropDownsCommentsAndAHiddenListSheet() throws Exception {
        Path tpl = dir.resolve("template.xlsx");
        assertThat(CliRun.of("import", "--template", tpl.toString()).exit()).isEqualTo(0);
        try (ZipFile zip = new ZipFile(tpl.toFile())) {
            String sheet1 = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            String workbook = new String(zip.getInputStream(zip.getEntry("xl/workbook.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            // mineral, mining method, status, scale class, coal seam, rectification x2, acceptance, green x2,
            // 3 attachment kinds = 13 enum columns; 10 yes/no fields + 3 milestones' "done" = 13 yes/no columns
            assertThat(sheet1.split("<dataValidation ", -1).length - 1).isEqualTo(13 + 13);
            assertThat(sheet1).contains("'&#x9009;&#x9879;'!$A$1:$A$16");
            assertThat(workbook).contains("state=\"hidden\"");
            assertThat(zip.getEntry("xl/comments1.xml")).isNotNull();
        }
    }

    @Test
    void theCsvTemplateIsUtf8WithABomAndTheChineseLabels() throws Exception {
        Path tpl = dir.resolve("template.csv");
        assertThat(CliRun.of("import", "--template", tpl.toString()).exit()).isEqualTo(0);
        byte[] bytes = Files.readAllBytes(tpl);
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        String header = new String(bytes, StandardCharsets.UTF_8).substring(1).strip();
        assertThat(header).startsWith("申报期,行政区划代码,企业名称,统一社会信用代码");
        assertThat(header.split(",")).contains("里程碑3是否完成", "附件1类型");
    }

    @Test
    void anUnreadableFileExitsWithTwoAndOneLineOnStderr() throws Exception {
        Path bad = dir.resolve("bad.xlsx");
        Files.writeString(bad, "not a zip");
        CliRun r = CliRun.of("import", bad.toString(), "--out", dir.resolve("out").toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("minedecl import: ").contains("not an XLSX file").doesNotContain("\n");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
