package org.minedecl.shared.declaration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.LocalizedText;
import org.minedecl.shared.rules.StructuralFindings;

/**
 * Reads the {@link Declaration} records straight from the parser's token stream, by hand, collecting every
 * problem as a finding with its JSON path, in document order (the missing required fields of an object when
 * it ends). A value present but invalid becomes {@code null}, so rules depending on it stay silent.
 *
 * <p>Only values that are not what the record expects (unknown fields, wrong types) are read into a
 * {@link JsonNode} tree, by the strict mapper: that finds duplicate keys inside them, and gives the messages
 * the text of the value. Duplicate keys of the objects read here are found by a {@link RecordFields.Tally}
 * and thrown as the same exception Jackson throws for a duplicate in a tree. Syntax errors and reader limits
 * propagate as Jackson's exceptions: {@link DeclarationParser} turns them into its single finding.
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

    private static final RecordFields DECLARATION = RecordFields.of(Declaration.class);
    private static final RecordFields ENTERPRISE = RecordFields.of(Enterprise.class);
    private static final RecordFields CONTACT = RecordFields.of(Enterprise.Contact.class);
    private static final RecordFields MINE = RecordFields.of(Mine.class);
    private static final RecordFields RECTIFICATION = RecordFields.of(Mine.Rectification.class);
    private static final RecordFields LICENCES = RecordFields.of(Licences.class);
    private static final RecordFields MINING_LICENCE = RecordFields.of(Licences.MiningLicence.class);
    private static final RecordFields LICENCE = RecordFields.of(Licences.Licence.class);
    private static final RecordFields PRODUCTION = RecordFields.of(Production.class);
    private static final RecordFields FUND = RecordFields.of(RestorationFund.class);
    private static final RecordFields ACCOUNT = RecordFields.of(RestorationFund.Account.class);
    private static final RecordFields RESTORATION = RecordFields.of(Restoration.class);
    private static final RecordFields APPROVALS = RecordFields.of(Restoration.Approvals.class);
    private static final RecordFields GREEN_MINE = RecordFields.of(GreenMine.class);
    private static final RecordFields MILESTONE = RecordFields.of(GreenMine.Milestone.class);
    private static final RecordFields ATTACHMENT = RecordFields.of(Attachment.class);
    private static final RecordFields DECLARANT = RecordFields.of(Declarant.class);
    private static final RecordFields PREPARER = RecordFields.of(Preparer.class);

    /** Reads one value as a tree with the strict mapper's settings, leaving the rest of the document to us. */
    private static final ObjectReader VALUE_READER = DeclarationParser.MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The constants of each enum by exact name, and the list shown when a value is none of them. */
    private static final ClassValue<EnumNames> ENUMS = new ClassValue<>() {
        @Override
        protected EnumNames computeValue(Class<?> type) {
            return new EnumNames(type.getEnumConstants());
        }
    };

    /** What {@link #nextField} returns at the end of an object. */
    private static final int END = -2;

    private final JsonParser in;
    private final List<Finding> findings;

    /** A reader of the object at {@code in}'s current token; findings are added to {@code findings}. */
    DeclarationMapper(JsonParser in, List<Finding> findings) {
        this.in = in;
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

    // ---- records: each starts on its START_OBJECT and returns after its END_OBJECT ----

    /** Reads the top-level object; unknown fields are reported here only (nested ones are ignored). */
    Declaration declaration() throws IOException {
        RecordFields.Tally t = DECLARATION.tally();
        String schema = null;
        String period = null;
        String jurisdiction = null;
        Enterprise enterprise = null;
        Mine mine = null;
        Licences licences = null;
        Production production = null;
        RestorationFund fund = null;
        Restoration restoration = null;
        GreenMine greenMine = null;
        List<Attachment> attachments = null;
        Declarant declarant = null;
        Preparer preparer = null;
        String amends = null;
        for (String name = next(t, true); name != null; name = next(t, true)) {
            switch (name) {
                case "schema" -> schema = schema();
                case "period" -> period = text();
                case "jurisdiction" -> jurisdiction = text();
                case "enterprise" -> enterprise = isObject() ? enterprise() : null;
                case "mine" -> mine = isObject() ? mine() : null;
                case "licences" -> licences = isObject() ? licences() : null;
                case "production" -> production = isObject() ? production() : null;
                case "restorationFund" -> fund = isObject() ? fund() : null;
                case "restoration" -> restoration = isObject() ? restoration() : null;
                case "greenMine" -> greenMine = isObject() ? greenMine() : null;
                case "attachments" -> attachments = isArray() ? objects(this::attachment) : null;
                case "declarant" -> declarant = isObject() ? declarant() : null;
                case "preparer" -> preparer = isObject() ? preparer() : null;
                case "amends" -> amends = text();
                default -> skip();
            }
        }
        return new Declaration(schema, period, jurisdiction, enterprise, mine, licences, production, fund,
                restoration, greenMine, attachments, declarant, preparer, amends);
    }

    private String schema() throws IOException {
        String schema = text();
        if (schema != null && !Declaration.SCHEMA.equals(schema)) {
            schema(path(), "schema 必须是 \"" + Declaration.SCHEMA + "\"，而不是 \"" + clip(schema) + "\"",
                    "schema must be \"" + Declaration.SCHEMA + "\", not \"" + clip(schema) + "\"");
            return null;
        }
        return schema;
    }

    private Enterprise enterprise() throws IOException {
        RecordFields.Tally t = ENTERPRISE.tally();
        String name = null;
        String uscc = null;
        String legalRepresentative = null;
        Enterprise.Contact contact = null;
        for (String field = next(t); field != null; field = next(t)) {
            switch (field) {
                case "name" -> name = text();
                case "uscc" -> uscc = text();
                case "legalRepresentative" -> legalRepresentative = text();
                case "contact" -> contact = isObject() ? contact() : null;
                default -> skip();
            }
        }
        return new Enterprise(name, uscc, legalRepresentative, contact);
    }

    private Enterprise.Contact contact() throws IOException {
        RecordFields.Tally t = CONTACT.tally();
        String name = null;
        String phone = null;
        for (String field = next(t); field != null; field = next(t)) {
            switch (field) {
                case "name" -> name = text();
                case "phone" -> phone = text();
                default -> skip();
            }
        }
        return new Enterprise.Contact(name, phone);
    }

    private Mine mine() throws IOException {
        RecordFields.Tally t = MINE.tally();
        String name = null;
        Mineral mineral = null;
        MiningMethod miningMethod = null;
        MineStatus status = null;
        Boolean isNew = null;
        BigDecimal designScale = null;
        ScaleClass scaleClass = null;
        BigDecimal remainingReserves = null;
        LocalDate stoppedSince = null;
        LocalDate constructionDeadline = null;
        Boolean onArableLand = null;
        CoalSeam coalSeam = null;
        Mine.Rectification rectification = null;
        for (String field = next(t); field != null; field = next(t)) {
            switch (field) {
                case "name" -> name = text();
                case "mineral" -> mineral = enumValue(Mineral.class);
                case "miningMethod" -> miningMethod = enumValue(MiningMethod.class);
                case "status" -> status = enumValue(MineStatus.class);
                case "isNew" -> isNew = bool();
                case "designScale" -> designScale = number();
                case "scaleClass" -> scaleClass = enumValue(ScaleClass.class);
                case "remainingReserves" -> remainingReserves = number();
                case "stoppedSince" -> stoppedSince = date();
                case "constructionDeadline" -> constructionDeadline = date();
                case "onArableLand" -> onArableLand = bool();
                case "coalSeam" -> coalSeam = enumValue(CoalSeam.class);
                case "rectification" -> rectification = isObject() ? rectification() : null;
                default -> skip();
            }
        }
        return new Mine(name, mineral, miningMethod, status, isNew, designScale, scaleClass, remainingReserves,
                stoppedSince, constructionDeadline, onArableLand, coalSeam, rectification);
    }

    private Mine.Rectification rectification() throws IOException {
        RecordFields.Tally t = RECTIFICATION.tally();
        RectificationCategory category = null;
        LocalDate decidedOn = null;
        Disposal disposition = null;
        for (String field = next(t); field != null; field = next(t)) {
            switch (field) {
                case "category" -> category = enumValue(RectificationCategory.class);
                case "decidedOn" -> decidedOn = date();
                case "disposition" -> disposition = enumValue(Disposal.class);
                default -> skip();
            }
        }
        return new Mine.Rectification(category, decidedOn, disposition);
    }

    private Licences licences() throws IOException {
        RecordFields.Tally t = LICENCES.tally();
        Licences.MiningLicence mining = null;
        Licences.Licence safety = null;
        Licences.Licence exploration = null;
        for (String field = next(t); field != null; field = next(t)) {
            switch (field) {
                case "mining" -> mining = isObject() ? miningLicence() : null;
                case "safety" -> safety = isObject() ? licence() : null;
                case "exploration" -> exploration = isObject() ? licence() : null;
                default -> skip();
            }
        }
        return new Licences(mining, safety, exploration);
    }

    private Licences.MiningLicence miningLicence() throws IOException {
        RecordFields.Tally t = MINING_LICENCE.tally();
        String number = null;
        LocalDate validFrom = null;
        LocalDate validTo = null;
        BigDecimal areaKm2 = null;
        for (String field = next(t); field != null; field = next(t)) {
            switch (field) {
                case "number" -> number = text();
                case "validFrom" -> validFrom = date();
                case "validTo" -> validTo = date();
                case "areaKm2" -> areaKm2 = number();
                default -> skip();
            }
        }
        return new Licences.MiningLicence(number, validFrom, validTo, areaKm2);
    }

    private Licences.Licence licence() throws IOException {
        RecordFields.Tally t = LICENCE.tally();
        String number = null;
        LocalDate validFrom = null;
        LocalDate validTo = null;
        for (String field = next(t); field != null; field = next(t)) {
            switch (field) {
                case "number" -> number = text();
                case "validFrom" -> validFrom = date();
                case "validTo" -> validTo = date();
                default -> skip();
            }
        }
        return new Licences.Licence(number, validFrom, validTo);
    }

    private Production production() throws IOException {
        RecordFields.Tally t = PRODUCTION.tally();
        BigDecimal output = null;
        BigDecimal miningRecoveryRate = null;
        BigDecimal processingRecoveryRate = null;
        BigDecimal comprehensiveUtilizationRate = null;
        Boolean boundaryViolation = null;
        Boolean obsoleteEquipment = null;
        for (String field = next(t); field != null; field = next(t)) {
            switch (field) {
                case "output" -> output = number();
                case "miningRecoveryRate" -> miningRecoveryRate = number();
                case "processingRecoveryRate" -> processingRecoveryRate = number();
                case "comprehensiveUtilizationRate" -> comprehensiveUtilizationRate = number();
                case "boundaryViolation" -> boundaryViolation = bool();
                case "obsoleteEquipment" -> obsoleteEquipment = bool();
                default -> skip();
            }
        }
        return new Production(output, miningRecoveryRate, processingRecoveryRate, comprehensiveUtilizationRate,
                boundaryViolation, obsoleteEquipment);
    }

    private RestorationFund fund() throws IOException {
        RecordFields.Tally t = FUND.tally();
        RestorationFund.Account account = null;
        BigDecimal openingBalance = null;
        BigDecimal required = null;
        BigDecimal deposited = null;
        BigDecimal used = null;
        BigDecimal closingBalance = null;
        for (String field = next(t); field != null; field = next(t)) {
            switch (field) {
                case "account" -> account = isObject() ? account() : null;
                case "openingBalance" -> openingBalance = money();
                case "required" -> required = money();
                case "deposited" -> deposited = money();
                case "used" -> used = money();
                case "closingBalance" -> closingBalance = money();
                default -> skip();
            }
        }
        return new RestorationFund(account, openingBalance, required, deposited, used, closingBalance);
    }

    private RestorationFund.Account account() throws IOException {
        RecordFields.Tally t = ACCOUNT.tally();
        String bank = null;
        String number = null;
        for (String field = next(t); field != null; field = next(t)) {
            switch (field) {
                case "bank" -> bank = text();
                case "number" -> number = text();
                default -> skip();
            }
        }
        return new RestorationFund.Account(bank, number);
    }

    private Restoration restoration() throws IOException {
        RecordFields.Tally t = RESTORATION.tally();
        Boolean planFiled = null;
        LocalDate planFiledOn = null;
        BigDecimal damagedAreaHa = null;
        BigDecimal restoredAreaHa = null;
        BigDecimal restoredThisQuarterHa = null;
        Acceptance acceptance = null;
        LocalDate acceptedOn = null;
        LocalDate cancellationAppliedOn = null;
        Restoration.Approvals approvals = null;
        for (String field = next(t); field != null; field = next(t)) {
            switch (field) {
                case "planFiled" -> planFiled = bool();
                case "planFiledOn" -> planFiledOn = date();
                case "damagedAreaHa" -> damagedAreaHa = number();
                case "restoredAreaHa" -> restoredAreaHa = number();
                case "restoredThisQuarterHa" -> restoredThisQuarterHa = number();
                case "acceptance" -> acceptance = enumValue(Acceptance.class);
                case "acceptedOn" -> acceptedOn = date();
                case "cancellationAppliedOn" -> cancellationAppliedOn = date();
                case "approvals" -> approvals = isObject() ? approvals() : null;
                default -> skip();
            }
        }
        return new Restoration(planFiled, planFiledOn, damagedAreaHa, restoredAreaHa, restoredThisQuarterHa,
                acceptance, acceptedOn, cancellationAppliedOn, approvals);
    }

    private Restoration.Approvals approvals() throws IOException {
        RecordFields.Tally t = APPROVALS.tally();
        Boolean developmentPlan = null;
        Boolean twoInOnePlan = null;
        Boolean eia = null;
        Boolean soilWaterPlan = null;
        for (String field = next(t); field != null; field = next(t)) {
            switch (field) {
                case "developmentPlan" -> developmentPlan = bool();
                case "twoInOnePlan" -> twoInOnePlan = bool();
                case "eia" -> eia = bool();
                case "soilWaterPlan" -> soilWaterPlan = bool();
                default -> skip();
            }
        }
        return new Restoration.Approvals(developmentPlan, twoInOnePlan, eia, soilWaterPlan);
    }

    private GreenMine greenMine() throws IOException {
        RecordFields.Tally t = GREEN_MINE.tally();
        GreenMineStatus status = null;
        GreenMineStatus targetLevel = null;
        BigDecimal wastewaterReuseRate = null;
        Boolean zeroDischarge = null;
        BigDecimal solidWasteUtilizationRate = null;
        BigDecimal greeningCoverageRate = null;
        LocalDate plannedCompletion = null;
        List<GreenMine.Milestone> milestones = null;
        for (String field = next(t); field != null; field = next(t)) {
            switch (field) {
                case "status" -> status = enumValue(GreenMineStatus.class);
                case "targetLevel" -> targetLevel = targetLevel();
                case "wastewaterReuseRate" -> wastewaterReuseRate = number();
                case "zeroDischarge" -> zeroDischarge = bool();
                case "solidWasteUtilizationRate" -> solidWasteUtilizationRate = number();
                case "greeningCoverageRate" -> greeningCoverageRate = number();
                case "plannedCompletion" -> plannedCompletion = date();
                case "milestones" -> milestones = isArray() ? objects(this::milestone) : null;
                default -> skip();
            }
        }
        return new GreenMine(status, targetLevel, wastewaterReuseRate, zeroDischarge, solidWasteUtilizationRate,
                greeningCoverageRate, plannedCompletion, milestones);
    }

    private GreenMineStatus targetLevel() throws IOException {
        GreenMineStatus target = enumValue(GreenMineStatus.class);
        if (target != null && !target.isListed()) {
            schema(path(), "targetLevel 只能是 *_LISTED 取值，而不是 " + target,
                    "targetLevel takes only the *_LISTED values, not " + target);
            return null;
        }
        return target;
    }

    private GreenMine.Milestone milestone() throws IOException {
        RecordFields.Tally t = MILESTONE.tally();
        String name = null;
        LocalDate due = null;
        Boolean done = null;
        for (String field = next(t); field != null; field = next(t)) {
            switch (field) {
                case "name" -> name = text();
                case "due" -> due = date();
                case "done" -> done = bool();
                default -> skip();
            }
        }
        return new GreenMine.Milestone(name, due, done);
    }

    private Attachment attachment() throws IOException {
        RecordFields.Tally t = ATTACHMENT.tally();
        String path = null;
        AttachmentKind kind = null;
        String title = null;
        for (String field = next(t); field != null; field = next(t)) {
            switch (field) {
                case "path" -> path = text();
                case "kind" -> kind = enumValue(AttachmentKind.class);
                case "title" -> title = text();
                default -> skip();
            }
        }
        return new Attachment(path, kind, title);
    }

    private Declarant declarant() throws IOException {
        RecordFields.Tally t = DECLARANT.tally();
        String name = null;
        String title = null;
        for (String field = next(t); field != null; field = next(t)) {
            switch (field) {
                case "name" -> name = text();
                case "title" -> title = text();
                default -> skip();
            }
        }
        return new Declarant(name, title);
    }

    private Preparer preparer() throws IOException {
        RecordFields.Tally t = PREPARER.tally();
        String name = null;
        String organization = null;
        String uscc = null;
        for (String field = next(t); field != null; field = next(t)) {
            switch (field) {
                case "name" -> name = text();
                case "organization" -> organization = text();
                case "uscc" -> uscc = text();
                default -> skip();
            }
        }
        return new Preparer(name, organization, uscc);
    }

    /** A record read from the object the parser is on. */
    @FunctionalInterface
    private interface RecordReader<T> {
        T read() throws IOException;
    }

    /**
     * Reads the array the parser is on as records, one per element; an element that is not an object is
     * reported (wrong type) and left out.
     */
    private <T> List<T> objects(RecordReader<T> element) throws IOException {
        List<T> out = new ArrayList<>();
        while (in.nextToken() != JsonToken.END_ARRAY) {
            if (isObject()) {
                out.add(element.read());
            }
        }
        return out;
    }

    // ---- walking an object ----

    private String next(RecordFields.Tally t) throws IOException {
        return next(t, false);
    }

    /**
     * Moves to the next field of the current object that the record knows and that is not null, and returns
     * its name with the parser on its value. Unknown fields are skipped (and reported when
     * {@code topLevel}), nulls are skipped as absent; a name seen twice is a duplicate key. At the end of the
     * object, reports the missing required fields and returns null.
     */
    private String next(RecordFields.Tally t, boolean topLevel) throws IOException {
        for (int i = nextField(t); i != END; i = nextField(t)) {
            String name = in.currentName();
            if (i < 0) {
                unknown(t, name, topLevel);
            } else if (!t.firstTime(i)) {
                throw duplicate(name);
            } else if (in.nextToken() != JsonToken.VALUE_NULL) {
                t.present(i);
                return name;
            }
        }
        List<String> missing = t.missing();
        if (!missing.isEmpty()) {
            String p = path();
            for (String name : missing) {
                schema(p + "." + name, "缺少必填字段 " + name, "required field " + name + " is missing");
            }
        }
        return null;
    }

    /**
     * Reads the next field name of the current object: the field's position in the record, -1 for a name the
     * record does not have, or {@link #END} at the end of the object. The field the tally expects is matched
     * by its bytes, without decoding the name.
     */
    private int nextField(RecordFields.Tally t) throws IOException {
        if (in.nextFieldName(t.expectedName())) {
            return t.expected();
        }
        return in.currentToken() == JsonToken.FIELD_NAME ? t.indexOf(in.currentName()) : END;
    }

    private void unknown(RecordFields.Tally t, String name, boolean topLevel) throws IOException {
        if (!t.firstUnknown(name)) {
            throw duplicate(name);
        }
        if (topLevel) {
            schema(path(), "未知的顶层字段 \"" + clip(name) + "\"", "unknown top-level field \"" + clip(name) + "\"");
        }
        in.nextToken();
        skip();
    }

    /**
     * The exception Jackson throws for a duplicate key while building a tree, raised where it raises it:
     * after the first token of the repeated field's value (a malformed value is a syntax error instead).
     */
    private MismatchedInputException duplicate(String name) throws IOException {
        if (in.nextToken() == JsonToken.VALUE_STRING) {
            in.getText();
        }
        return MismatchedInputException.from(in, JsonNode.class, String.format("Duplicate field '%s' for "
                + "`ObjectNode`: not allowed when `DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY` enabled",
                name));
    }

    /**
     * Consumes the current value: containers as a tree (duplicate keys in them count), strings read out, as
     * only that checks the string length limit.
     */
    private void skip() throws IOException {
        JsonToken token = in.currentToken();
        if (token.isStructStart()) {
            valueAsTree();
        } else if (token == JsonToken.VALUE_STRING) {
            in.getText();
        }
    }

    /** Reads the current value as a tree, for a message that shows it; the parser then is after it. */
    private JsonNode valueAsTree() throws IOException {
        return VALUE_READER.readTree(in);
    }

    /** The JSON path of the value just read (or of the field whose name was just read). */
    private String path() {
        return DeclarationParser.pathOf(in.getParsingContext());
    }

    // ---- values: the parser is on the value (never null here); each reports at the value's path ----

    private boolean isObject() throws IOException {
        if (in.currentToken() == JsonToken.START_OBJECT) {
            return true;
        }
        typeError(valueAsTree(), "对象", "an object");
        return false;
    }

    private boolean isArray() throws IOException {
        if (in.currentToken() == JsonToken.START_ARRAY) {
            return true;
        }
        typeError(valueAsTree(), "数组", "an array");
        return false;
    }

    private String text() throws IOException {
        if (in.currentToken() == JsonToken.VALUE_STRING) {
            return in.getText();
        }
        typeError(valueAsTree(), "字符串", "a string");
        return null;
    }

    private Boolean bool() throws IOException {
        JsonToken token = in.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        typeError(valueAsTree(), "true 或 false", "true or false");
        return null;
    }

    private BigDecimal number() throws IOException {
        if (!in.currentToken().isNumeric()) {
            typeError(valueAsTree(), "数字", "a number");
            return null;
        }
        BigDecimal d = in.getDecimalValue();
        if (d.precision() - d.scale() > MAX_INTEGER_DIGITS || d.scale() > MAX_FRACTION_DIGITS) {
            findings.add(StructuralFindings.number(path(), new LocalizedText(
                    "数值超出范围（整数部分最多 " + MAX_INTEGER_DIGITS + " 位，小数最多 " + MAX_FRACTION_DIGITS + " 位）",
                    "number out of range (at most " + MAX_INTEGER_DIGITS + " integer and " + MAX_FRACTION_DIGITS
                            + " fraction digits)")));
            return null;
        }
        return d;
    }

    private BigDecimal money() throws IOException {
        String shown;
        if (in.currentToken() == JsonToken.VALUE_STRING) {
            String s = in.getText();
            if (isMoney(s)) {
                return new BigDecimal(s);
            }
            shown = "\"" + clip(s) + "\"";
        } else if (in.currentToken().isNumeric()) {
            shown = clip(valueAsTree().toString());
        } else {
            typeError(valueAsTree(), "金额字符串", "a money string");
            return null;
        }
        findings.add(StructuralFindings.number(path(), new LocalizedText(
                "金额必须是带两位小数的字符串（如 \"30000.00\"），而不是 " + shown,
                "money must be a string with exactly two fraction digits (like \"30000.00\"), not " + shown)));
        return null;
    }

    private LocalDate date() throws IOException {
        String shown;
        if (in.currentToken() == JsonToken.VALUE_STRING) {
            String s = in.getText();
            LocalDate parsed = isoDate(s);
            if (parsed != null) {
                return parsed;
            }
            shown = "\"" + clip(s) + "\"";
        } else {
            shown = clip(valueAsTree().toString());
        }
        schema(path(), "日期必须是有效的 YYYY-MM-DD，而不是 " + shown, "a date must be a valid YYYY-MM-DD, not " + shown);
        return null;
    }

    private <E extends Enum<E>> E enumValue(Class<E> type) throws IOException {
        EnumNames names = ENUMS.get(type);
        String shown;
        if (in.currentToken() == JsonToken.VALUE_STRING) {
            String s = in.getText();
            Enum<?> constant = names.byName.get(s);
            if (constant != null) {
                return type.cast(constant);
            }
            shown = "\"" + clip(s) + "\"";
        } else {
            shown = clip(valueAsTree().toString());
        }
        schema(path(), "未知的取值 " + shown + "，可选：" + names.allowed,
                "unknown value " + shown + ", expected one of " + names.allowed);
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

    // ---- findings ----

    /** Reports a value of the wrong type; {@code v} is the value read as a tree, the parser after it. */
    private void typeError(JsonNode v, String zh, String en) {
        schema(path(), "类型错误：应为" + zh + "，实际为 " + kind(v, true),
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

    /** An enum's constants by exact name, and their names joined for a message. */
    private static final class EnumNames {
        final Map<String, Enum<?>> byName;
        final String allowed;

        EnumNames(Object[] constants) {
            Map<String, Enum<?>> m = new HashMap<>();
            for (Object c : constants) {
                m.put(((Enum<?>) c).name(), (Enum<?>) c);
            }
            this.byName = Map.copyOf(m);
            this.allowed = String.join(", ", Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).toList());
        }
    }
}
