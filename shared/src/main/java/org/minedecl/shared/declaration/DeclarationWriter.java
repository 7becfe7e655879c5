package org.minedecl.shared.declaration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Writes a {@link Declaration} as canonical {@code mine-declaration/1} JSON (UTF-8, fields in contract order,
 * absent values omitted, money as strings with two fraction digits, quantities as plain numbers). The
 * desktop client saves drafts with it; {@link DeclarationParser} reads back the same record.
 */
public final class DeclarationWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private DeclarationWriter() {
    }

    public static byte[] write(Declaration d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(pp);
            g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            new Writer(g).declaration(d);
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    private record Writer(JsonGenerator g) {
        void declaration(Declaration d) throws IOException {
            g.writeStartObject();
            str("schema", d.schema());
            str("period", d.period());
            str("jurisdiction", d.jurisdiction());
            if (d.enterprise() != null) {
                Enterprise e = d.enterprise();
                g.writeObjectFieldStart("enterprise");
                str("name", e.name());
                str("uscc", e.uscc());
                str("legalRepresentative", e.legalRepresentative());
                if (e.contact() != null) {
                    g.writeObjectFieldStart("contact");
                    str("name", e.contact().name());
                    str("phone", e.contact().phone());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            if (d.mine() != null) {
                mine(d.mine());
            }
            if (d.licences() != null) {
                Licences l = d.licences();
                g.writeObjectFieldStart("licences");
                if (l.mining() != null) {
                    g.writeObjectFieldStart("mining");
                    str("number", l.mining().number());
                    date("validFrom", l.mining().validFrom());
                    date("validTo", l.mining().validTo());
                    num("areaKm2", l.mining().areaKm2());
                    g.writeEndObject();
                }
                licence("safety", l.safety());
                licence("exploration", l.exploration());
                g.writeEndObject();
            }
            if (d.production() != null) {
                Production p = d.production();
                g.writeObjectFieldStart("production");
                num("output", p.output());
                num("miningRecoveryRate", p.miningRecoveryRate());
                num("processingRecoveryRate", p.processingRecoveryRate());
                num("comprehensiveUtilizationRate", p.comprehensiveUtilizationRate());
                bool("boundaryViolation", p.boundaryViolation());
                bool("obsoleteEquipment", p.obsoleteEquipment());
                g.writeEndObject();
            }
            if (d.restorationFund() != null) {
                RestorationFund f = d.restorationFund();
                g.writeObjectFieldStart("restorationFund");
                if (f.account() != null) {
                    g.writeObjectFieldStart("account");
                    str("bank", f.account().bank());
                    str("number", f.account().number());
                    g.writeEndObject();
                }
                money("openingBalance", f.openingBalance());
                money("required", f.required());
                money("deposited", f.deposited());
                money("used", f.used());
                money("closingBalance", f.closingBalance());
                g.writeEndObject();
            }
            if (d.restoration() != null) {
                restoration(d.restoration());
            }
            if (d.greenMine() != null) {
                greenMine(d.greenMine());
            }
            g.writeArrayFieldStart("attachments");
            for (Attachment a : d.attachments()) {
                g.writeStartObject();
                str("path", a.path());
                name("kind", a.kind());
                str("title", a.title());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (d.declarant() != null) {
                g.writeObjectFieldStart("declarant");
                str("name", d.declarant().name());
                str("title", d.declarant().title());
                g.writeEndObject();
            }
            if (d.preparer() != null) {
                g.writeObjectFieldStart("preparer");
                str("name", d.preparer().name());
                str("organization", d.preparer().organization());
                str("uscc", d.preparer().uscc());
                g.writeEndObject();
            }
            str("amends", d.amends());
            g.writeEndObject();
        }

        void mine(Mine m) throws IOException {
            g.writeObjectFieldStart("mine");
            str("name", m.name());
            name("mineral", m.mineral());
            name("miningMethod", m.miningMethod());
            name("status", m.status());
            bool("isNew", m.isNew());
            num("designScale", m.designScale());
            name("scaleClass", m.scaleClass());
            num("remainingReserves", m.remainingReserves());
            date("stoppedSince", m.stoppedSince());
            date("constructionDeadline", m.constructionDeadline());
            bool("onArableLand", m.onArableLand());
            name("coalSeam", m.coalSeam());
            if (m.rectification() != null) {
                g.writeObjectFieldStart("rectification");
                name("category", m.rectification().category());
                date("decidedOn", m.rectification().decidedOn());
                name("disposition", m.rectification().disposition());
                g.writeEndObject();
            }
            g.writeEndObject();
        }

        void restoration(Restoration r) throws IOException {
            g.writeObjectFieldStart("restoration");
            bool("planFiled", r.planFiled());
            date("planFiledOn", r.planFiledOn());
            num("damagedAreaHa", r.damagedAreaHa());
            num("restoredAreaHa", r.restoredAreaHa());
            num("restoredThisQuarterHa", r.restoredThisQuarterHa());
            name("acceptance", r.acceptance());
            date("acceptedOn", r.acceptedOn());
            date("cancellationAppliedOn", r.cancellationAppliedOn());
            if (r.approvals() != null) {
                g.writeObjectFieldStart("approvals");
                bool("developmentPlan", r.approvals().developmentPlan());
                bool("twoInOnePlan", r.approvals().twoInOnePlan());
                bool("eia", r.approvals().eia());
                bool("soilWaterPlan", r.approvals().soilWaterPlan());
                g.writeEndObject();
            }
            g.writeEndObject();
        }

        void greenMine(GreenMine gm) throws IOException {
            g.writeObjectFieldStart("greenMine");
            name("status", gm.status());
            name("targetLevel", gm.targetLevel());
            num("wastewaterReuseRate", gm.wastewaterReuseRate());
            bool("zeroDischarge", gm.zeroDischarge());
            num("solidWasteUtilizationRate", gm.solidWasteUtilizationRate());
            num("greeningCoverageRate", gm.greeningCoverageRate());
            date("plannedCompletion", gm.plannedCompletion());
            if (!gm.milestones().isEmpty()) {
                g.writeArrayFieldStart("milestones");
                for (GreenMine.Milestone m : gm.milestones()) {
                    g.writeStartObject();
                    str("name", m.name());
                    date("due", m.due());
                    bool("done", m.done());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }

        void licence(String field, Licences.Licence l) throws IOException {
            if (l == null) {
                return;
            }
            g.writeObjectFieldStart(field);
            str("number", l.number());
            date("validFrom", l.validFrom());
            date("validTo", l.validTo());
            g.writeEndObject();
        }

        void str(String field, String v) throws IOException {
            if (v != null) {
                g.writeStringField(field, v);
            }
        }

        void name(String field, Enum<?> v) throws IOException {
            if (v != null) {
                g.writeStringField(field, v.name());
            }
        }

        void bool(String field, Boolean v) throws IOException {
            if (v != null) {
                g.writeBooleanField(field, v);
            }
        }

        void num(String field, BigDecimal v) throws IOException {
            if (v != null) {
                g.writeFieldName(field);
                g.writeNumber(v);
            }
        }

        void money(String field, BigDecimal v) throws IOException {
            if (v != null) {
                g.writeStringField(field, v.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString());
            }
        }

        void date(String field, LocalDate v) throws IOException {
            if (v != null) {
                g.writeStringField(field, v.toString());
            }
        }
    }
}
