package org.minedecl.shared.declaration;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.LocalizedText;
import org.minedecl.shared.rules.StructuralFindings;

/**
 * Maps a parsed JSON tree to the {@link Declaration} records by hand, collecting every problem as a finding
 * with its JSON path. A value present but invalid becomes {@code null}, so rules depending on it stay silent.
 */
final class DeclarationMapper {

    /**
     * The required fields of each record (CONTRACTS section 1: fields without {@code ?}). The JSON Schema's
     * {@code required} arrays are tested against this table.
     */
    static final Map<Class<?>, List<String>> REQUIRED = requiredFields();

    /** Quantities above 10^15 or finer than 10^-10 are not plausible and would make arithmetic expensive. */
    private static final int MAX_INTEGER_DIGITS = 15;
    private static final int MAX_FRACTION_DIGITS = 10;

    private final List<Finding> findings;

    DeclarationMapper(List<Finding> findings) {
        this.findings = findings;
    }

    private static Map<Class<?>, List<String>> requiredFields() {
        Map<Class<?>, List<String>> m = new LinkedHashMap<>();
        m.put(Declaration.class, List.of("schema", "period", "jurisdiction", "enterprise", "mine", "licences",
                "production", "restorationFund", "restoration", "greenMine", "attachments", "declarant"));
        m.put(Enterprise.class, List.of("name", "uscc", "legalRepresentative", "contact"));
        m.put(Enterprise.Contact.class, List.of("name", "phone"));
        m.put(Mine.class, List.of("name", "mineral", "miningMethod", "status", "isNew", "designScale",
                "scaleClass", "remainingReserves"));
        m.put(Mine.Rectification.class, List.of("category"));
        m.put(Licences.class, List.of("mining"));
        m.put(Licences.MiningLicence.class, List.of("number", "validFrom", "validTo"));
        m.put(Licences.Licence.class, List.of("number", "validFrom", "validTo"));
        m.put(Production.class, List.of("output", "boundaryViolation", "obsoleteEquipment"));
        m.put(RestorationFund.class, List.of("account", "openingBalance", "required", "deposited", "used",
                "closingBalance"));
        m.put(RestorationFund.Account.class, List.of("bank", "number"));
        m.put(Restoration.class, List.of("planFiled", "damagedAreaHa", "restoredAreaHa", "restoredThisQuarterHa",
                "acceptance"));
        m.put(Restoration.Approvals.class, List.of("developmentPlan", "twoInOnePlan", "eia", "soilWaterPlan"));
        m.put(GreenMine.class, List.of("status"));
        m.put(GreenMine.Milestone.class, List.of("name", "due", "done"));
        m.put(Attachment.class, List.of("path", "kind"));
        m.put(Declarant.class, List.of("name", "title"));
        m.put(Preparer.class, List.of("name", "organization", "uscc"));
        return Map.copyOf(m);
    }

    private static final Set<String> TOP_LEVEL = Set.of("schema", "period", "jurisdiction", "enterprise", "mine",
            "licences", "production", "restorationFund", "restoration", "greenMine", "attachments", "declarant",
            "preparer", "amends");

    Declaration declaration(JsonNode root) {
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!TOP_LEVEL.contains(name)) {
                schema("$." + clip(name), "未知的顶层字段 \"" + clip(name) + "\"",
                        "unknown top-level field \"" + clip(name) + "\"");
            }
        }
        required(root, "$", Declaration.class);
        String schema = text(root, "$", "schema");
        if (schema != null && !Declaration.SCHEMA.equals(schema)) {
            schema("$.schema", "schema 必须是 \"" + Declaration.SCHEMA + "\"，而不是 \"" + clip(schema) + "\"",
                    "schema must be \"" + Declaration.SCHEMA + "\", not \"" + clip(schema) + "\"");
            schema = null;
        }
        JsonNode attachmentsNode = array(root, "$", "attachments");
        List<Attachment> attachments = new ArrayList<>();
        if (attachmentsNode != null) {
            for (int i = 0; i < attachmentsNode.size(); i++) {
                Attachment a = attachment(attachmentsNode.get(i), "$.attachments[" + i + "]");
                if (a != null) {
                    attachments.add(a);
                }
            }
        }
        return new Declaration(schema,
                text(root, "$", "period"),
                text(root, "$", "jurisdiction"),
                enterprise(object(root, "$", "enterprise"), "$.enterprise"),
                mine(object(root, "$", "mine"), "$.mine"),
                licences(object(root, "$", "licences"), "$.licences"),
                production(object(root, "$", "production"), "$.production"),
                fund(object(root, "$", "restorationFund"), "$.restorationFund"),
                restoration(object(root, "$", "restoration"), "$.restoration"),
                greenMine(object(root, "$", "greenMine"), "$.greenMine"),
                attachmentsNode == null ? null : attachments,
                declarant(object(root, "$", "declarant"), "$.declarant"),
                preparer(object(root, "$", "preparer"), "$.preparer"),
                text(root, "$", "amends"));
    }

    private Enterprise enterprise(JsonNode o, String p) {
        if (o == null) {
            return null;
        }
        required(o, p, Enterprise.class);
        JsonNode c = object(o, p, "contact");
        Enterprise.Contact contact = null;
        if (c != null) {
            required(c, p + ".contact", Enterprise.Contact.class);
            contact = new Enterprise.Contact(text(c, p + ".contact", "name"), text(c, p + ".contact", "phone"));
        }
        return new Enterprise(text(o, p, "name"), text(o, p, "uscc"), text(o, p, "legalRepresentative"), contact);
    }

    private Mine mine(JsonNode o, String p) {
        if (o == null) {
            return null;
        }
        required(o, p, Mine.class);
        JsonNode r = object(o, p, "rectification");
        Mine.Rectification rect = null;
        if (r != null) {
            String rp = p + ".rectification";
            required(r, rp, Mine.Rectification.class);
            rect = new Mine.Rectification(enumValue(r, rp, "category", RectificationCategory.class),
                    date(r, rp, "decidedOn"), enumValue(r, rp, "disposition", Disposal.class));
        }
        return new Mine(text(o, p, "name"),
                enumValue(o, p, "mineral", Mineral.class),
                enumValue(o, p, "miningMethod", MiningMethod.class),
                enumValue(o, p, "status", MineStatus.class),
                bool(o, p, "isNew"),
                number(o, p, "designScale"),
                enumValue(o, p, "scaleClass", ScaleClass.class),
                number(o, p, "remainingReserves"),
                date(o, p, "stoppedSince"),
                date(o, p, "constructionDeadline"),
                bool(o, p, "onArableLand"),
                enumValue(o, p, "coalSeam", CoalSeam.class),
                rect);
    }

    private Licences licences(JsonNode o, String p) {
        if (o == null) {
            return null;
        }
        required(o, p, Licences.class);
        JsonNode m = object(o, p, "mining");
        Licences.MiningLicence mining = null;
        if (m != null) {
            String mp = p + ".mining";
            required(m, mp, Licences.MiningLicence.class);
            mining = new Licences.MiningLicence(text(m, mp, "number"), date(m, mp, "validFrom"),
                    date(m, mp, "validTo"), number(m, mp, "areaKm2"));
        }
        return new Licences(mining, licence(object(o, p, "safety"), p + ".safety"),
                licence(object(o, p, "exploration"), p + ".exploration"));
    }

    private Licences.Licence licence(JsonNode o, String p) {
        if (o == null) {
            return null;
        }
        required(o, p, Licences.Licence.class);
        return new Licences.Licence(text(o, p, "number"), date(o, p, "validFrom"), date(o, p, "validTo"));
    }

    private Production production(JsonNode o, String p) {
        if (o == null) {
            return null;
        }
        required(o, p, Production.class);
        return new Production(number(o, p, "output"), number(o, p, "miningRecoveryRate"),
                number(o, p, "processingRecoveryRate"), number(o, p, "comprehensiveUtilizationRate"),
                bool(o, p, "boundaryViolation"), bool(o, p, "obsoleteEquipment"));
    }

    private RestorationFund fund(JsonNode o, String p) {
        if (o == null) {
            return null;
        }
        required(o, p, RestorationFund.class);
        JsonNode a = object(o, p, "account");
        RestorationFund.Account account = null;
        if (a != null) {
            required(a, p + ".account", RestorationFund.Account.class);
            account = new RestorationFund.Account(text(a, p + ".account", "bank"), text(a, p + ".account", "number"));
        }
        return new RestorationFund(account, money(o, p, "openingBalance"), money(o, p, "required"),
                money(o, p, "deposited"), money(o, p, "used"), money(o, p, "closingBalance"));
    }

    private Restoration restoration(JsonNode o, String p) {
        if (o == null) {
            return null;
        }
        required(o, p, Restoration.class);
        JsonNode a = object(o, p, "approvals");
        Restoration.Approvals approvals = null;
        if (a != null) {
            String ap = p + ".approvals";
            required(a, ap, Restoration.Approvals.class);
            approvals = new Restoration.Approvals(bool(a, ap, "developmentPlan"), bool(a, ap, "twoInOnePlan"),
                    bool(a, ap, "eia"), bool(a, ap, "soilWaterPlan"));
        }
        return new Restoration(bool(o, p, "planFiled"), date(o, p, "planFiledOn"), number(o, p, "damagedAreaHa"),
                number(o, p, "restoredAreaHa"), number(o, p, "restoredThisQuarterHa"),
                enumValue(o, p, "acceptance", Acceptance.class), date(o, p, "acceptedOn"),
                date(o, p, "cancellationAppliedOn"), approvals);
    }

    private GreenMine greenMine(JsonNode o, String p) {
        if (o == null) {
            return null;
        }
        required(o, p, GreenMine.class);
        GreenMineStatus target = enumValue(o, p, "targetLevel", GreenMineStatus.class);
        if (target != null && !target.isListed()) {
            schema(p + ".targetLevel", "targetLevel 只能是 *_LISTED 取值，而不是 " + target,
                    "targetLevel takes only the *_LISTED values, not " + target);
            target = null;
        }
        JsonNode ms = array(o, p, "milestones");
        List<GreenMine.Milestone> milestones = new ArrayList<>();
        if (ms != null) {
            for (int i = 0; i < ms.size(); i++) {
                String mp = p + ".milestones[" + i + "]";
                JsonNode m = ms.get(i);
                if (!m.isObject()) {
                    typeError(mp, m, "对象", "an object");
                    continue;
                }
                required(m, mp, GreenMine.Milestone.class);
                milestones.add(new GreenMine.Milestone(text(m, mp, "name"), date(m, mp, "due"), bool(m, mp, "done")));
            }
        }
        return new GreenMine(enumValue(o, p, "status", GreenMineStatus.class), target,
                number(o, p, "wastewaterReuseRate"), bool(o, p, "zeroDischarge"),
                number(o, p, "solidWasteUtilizationRate"), number(o, p, "greeningCoverageRate"),
                date(o, p, "plannedCompletion"), milestones);
    }

    private Attachment attachment(JsonNode o, String p) {
        if (!o.isObject()) {
            typeError(p, o, "对象", "an object");
            return null;
        }
        required(o, p, Attachment.class);
        return new Attachment(text(o, p, "path"), enumValue(o, p, "kind", AttachmentKind.class),
                text(o, p, "title"));
    }

    private Declarant declarant(JsonNode o, String p) {
        if (o == null) {
            return null;
        }
        required(o, p, Declarant.class);
        return new Declarant(text(o, p, "name"), text(o, p, "title"));
    }

    private Preparer preparer(JsonNode o, String p) {
        if (o == null) {
            return null;
        }
        required(o, p, Preparer.class);
        return new Preparer(text(o, p, "name"), text(o, p, "organization"), text(o, p, "uscc"));
    }

    // ---- field readers: absent or null gives null silently (required() reports what must be there) ----

    private static JsonNode value(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private void required(JsonNode o, String p, Class<?> type) {
        for (String name : REQUIRED.get(type)) {
            if (value(o, name) == null) {
                schema(p + "." + name, "缺少必填字段 " + name, "required field " + name + " is missing");
            }
        }
    }

    private JsonNode object(JsonNode o, String p, String name) {
        JsonNode v = value(o, name);
        if (v != null && !v.isObject()) {
            typeError(p + "." + name, v, "对象", "an object");
            return null;
        }
        return v;
    }

    private JsonNode array(JsonNode o, String p, String name) {
        JsonNode v = value(o, name);
        if (v != null && !v.isArray()) {
            typeError(p + "." + name, v, "数组", "an array");
            return null;
        }
        return v;
    }

    private String text(JsonNode o, String p, String name) {
        JsonNode v = value(o, name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            typeError(p + "." + name, v, "字符串", "a string");
            return null;
        }
        return v.textValue();
    }

    private Boolean bool(JsonNode o, String p, String name) {
        JsonNode v = value(o, name);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            typeError(p + "." + name, v, "true 或 false", "true or false");
            return null;
        }
        return v.booleanValue();
    }

    private BigDecimal number(JsonNode o, String p, String name) {
        JsonNode v = value(o, name);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            typeError(p + "." + name, v, "数字", "a number");
            return null;
        }
        BigDecimal d = v.decimalValue();
        if (d.precision() - d.scale() > MAX_INTEGER_DIGITS || d.scale() > MAX_FRACTION_DIGITS) {
            findings.add(StructuralFindings.number(p + "." + name, new LocalizedText(
                    "数值超出范围（整数部分最多 " + MAX_INTEGER_DIGITS + " 位，小数最多 " + MAX_FRACTION_DIGITS + " 位）",
                    "number out of range (at most " + MAX_INTEGER_DIGITS + " integer and " + MAX_FRACTION_DIGITS
                            + " fraction digits)")));
            return null;
        }
        return d;
    }

    private BigDecimal money(JsonNode o, String p, String name) {
        JsonNode v = value(o, name);
        if (v == null) {
            return null;
        }
        if (v.isTextual() && isMoney(v.textValue())) {
            return new BigDecimal(v.textValue());
        }
        if (v.isTextual() || v.isNumber()) {
            String shown = v.isTextual() ? "\"" + clip(v.textValue()) + "\"" : clip(v.toString());
            findings.add(StructuralFindings.number(p + "." + name, new LocalizedText(
                    "金额必须是带两位小数的字符串（如 \"30000.00\"），而不是 " + shown,
                    "money must be a string with exactly two fraction digits (like \"30000.00\"), not " + shown)));
            return null;
        }
        typeError(p + "." + name, v, "金额字符串", "a money string");
        return null;
    }

    private LocalDate date(JsonNode o, String p, String name) {
        JsonNode v = value(o, name);
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            LocalDate parsed = isoDate(v.textValue());
            if (parsed != null) {
                return parsed;
            }
        }
        String shown = v.isTextual() ? "\"" + clip(v.textValue()) + "\"" : clip(v.toString());
        schema(p + "." + name, "日期必须是有效的 YYYY-MM-DD，而不是 " + shown,
                "a date must be a valid YYYY-MM-DD, not " + shown);
        return null;
    }

    /** Same as the pattern {@code -?(0|[1-9][0-9]{0,14})\\.[0-9]{2}}, without a regex on the hot path. */
    static boolean isMoney(String s) {
        int n = s.length();
        int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        int dot = n - 3;
        int intDigits = dot - i;
        if (intDigits < 1 || intDigits > 15 || s.charAt(dot) != '.' || !digits(s, i, dot) || !digits(s, dot + 1, n)) {
            return false;
        }
        return intDigits == 1 || s.charAt(i) != '0';
    }

    /** A strict {@code YYYY-MM-DD} calendar date, or null (2026-02-30 and 2026-2-3 are not dates). */
    static LocalDate isoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-' || !digits(s, 0, 4) || !digits(s, 5, 7)
                || !digits(s, 8, 10)) {
            return null;
        }
        int year = Integer.parseInt(s, 0, 4, 10);
        int month = Integer.parseInt(s, 5, 7, 10);
        int day = Integer.parseInt(s, 8, 10, 10);
        if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private <E extends Enum<E>> E enumValue(JsonNode o, String p, String name, Class<E> type) {
        JsonNode v = value(o, name);
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            for (E c : type.getEnumConstants()) {
                if (c.name().equals(v.textValue())) {
                    return c;
                }
            }
        }
        String allowed = String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .toList());
        String shown = v.isTextual() ? "\"" + clip(v.textValue()) + "\"" : clip(v.toString());
        schema(p + "." + name, "未知的取值 " + shown + "，可选：" + allowed,
                "unknown value " + shown + ", expected one of " + allowed);
        return null;
    }

    private void typeError(String path, JsonNode v, String zh, String en) {
        schema(path, "类型错误：应为" + zh + "，实际为 " + kind(v, true),
                "wrong type: expected " + en + ", found " + kind(v, false));
    }

    private static String kind(JsonNode v, boolean zh) {
        if (v.isTextual()) {
            return zh ? "字符串" : "a string";
        }
        if (v.isNumber()) {
            return zh ? "数字" : "a number";
        }
        if (v.isBoolean()) {
            return zh ? "布尔值" : "a boolean";
        }
        if (v.isArray()) {
            return zh ? "数组" : "an array";
        }
        if (v.isObject()) {
            return zh ? "对象" : "an object";
        }
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private void schema(String path, String zh, String en) {
        findings.add(StructuralFindings.schema(path, new LocalizedText(zh, en)));
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
