package org.minedecl.client.desktop.form;

import java.util.List;
import org.minedecl.client.app.drafts.FieldKind;
import org.minedecl.shared.declaration.Acceptance;
import org.minedecl.shared.declaration.Disposal;
import org.minedecl.shared.declaration.GreenMineStatus;
import org.minedecl.shared.declaration.MineStatus;
import org.minedecl.shared.declaration.Mineral;
import org.minedecl.shared.declaration.MiningMethod;
import org.minedecl.shared.declaration.RectificationCategory;
import org.minedecl.shared.declaration.ScaleClass;

/**
 * One input of the declaration form: its JSON path (also the component's name), how its text becomes JSON,
 * the enum it chooses from, the unit shown beside it. The sections follow the document (CONTRACTS section 1).
 */
public record FieldSpec(String path, FieldKind kind, Class<? extends Enum<?>> choices, String unitKey) {

    static FieldSpec text(String path) {
        return new FieldSpec(path, FieldKind.TEXT, null, null);
    }

    static FieldSpec money(String path) {
        return new FieldSpec(path, FieldKind.MONEY, null, "unit.yuan");
    }

    static FieldSpec number(String path, String unit) {
        return new FieldSpec(path, FieldKind.NUMBER, null, unit);
    }

    static FieldSpec date(String path) {
        return new FieldSpec(path, FieldKind.DATE, null, null);
    }

    static FieldSpec bool(String path) {
        return new FieldSpec(path, FieldKind.BOOLEAN, null, null);
    }

    static FieldSpec choice(String path, Class<? extends Enum<?>> type) {
        return new FieldSpec(path, FieldKind.ENUM, type, null);
    }

    /** A section of the form: its title key and its fields; {@code special} sections add their own editors. */
    public record Section(String key, List<FieldSpec> fields) {
    }

    public static final List<Section> SECTIONS = List.of(
            new Section("section.enterprise", List.of(
                    text("period"), text("jurisdiction"),
                    text("enterprise.name"), text("enterprise.uscc"), text("enterprise.legalRepresentative"),
                    text("enterprise.contact.name"), text("enterprise.contact.phone"),
                    text("mine.name"), choice("mine.mineral", Mineral.class),
                    choice("mine.miningMethod", MiningMethod.class), choice("mine.status", MineStatus.class),
                    bool("mine.isNew"), number("mine.designScale", "unit.wanTonYear"),
                    choice("mine.scaleClass", ScaleClass.class), number("mine.remainingReserves", "unit.wanTon"),
                    date("mine.stoppedSince"), date("mine.constructionDeadline"), bool("mine.onArableLand"),
                    choice("mine.rectification.category", RectificationCategory.class),
                    date("mine.rectification.decidedOn"),
                    choice("mine.rectification.disposition", Disposal.class))),
            new Section("section.licences", List.of(
                    text("licences.mining.number"), date("licences.mining.validFrom"), date("licences.mining.validTo"),
                    number("licences.mining.areaKm2", "unit.km2"),
                    text("licences.safety.number"), date("licences.safety.validFrom"), date("licences.safety.validTo"),
                    text("licences.exploration.number"), date("licences.exploration.validFrom"),
                    date("licences.exploration.validTo"))),
            new Section("section.production", List.of(
                    number("production.output", "unit.wanTon"),
                    number("production.miningRecoveryRate", "unit.percent"),
                    number("production.processingRecoveryRate", "unit.percent"),
                    number("production.comprehensiveUtilizationRate", "unit.percent"),
                    bool("production.boundaryViolation"), bool("production.obsoleteEquipment"))),
            new Section("section.fund", List.of(
                    text("restorationFund.account.bank"), text("restorationFund.account.number"),
                    money("restorationFund.openingBalance"), money("restorationFund.required"),
                    money("restorationFund.deposited"), money("restorationFund.used"),
                    money("restorationFund.closingBalance"))),
            new Section("section.restoration", List.of(
                    bool("restoration.planFiled"), date("restoration.planFiledOn"),
                    number("restoration.damagedAreaHa", "unit.ha"), number("restoration.restoredAreaHa", "unit.ha"),
                    number("restoration.restoredThisQuarterHa", "unit.ha"),
                    choice("restoration.acceptance", Acceptance.class), date("restoration.acceptedOn"),
                    date("restoration.cancellationAppliedOn"),
                    bool("restoration.approvals.developmentPlan"), bool("restoration.approvals.twoInOnePlan"),
                    bool("restoration.approvals.eia"), bool("restoration.approvals.soilWaterPlan"))),
            new Section("section.greenMine", List.of(
                    choice("greenMine.status", GreenMineStatus.class),
                    new FieldSpec("greenMine.targetLevel", FieldKind.ENUM, GreenMineStatus.class, "listedOnly"),
                    number("greenMine.wastewaterReuseRate", "unit.percent"), bool("greenMine.zeroDischarge"),
                    number("greenMine.solidWasteUtilizationRate", "unit.percent"),
                    number("greenMine.greeningCoverageRate", "unit.percent"), date("greenMine.plannedCompletion"))),
            new Section("section.attachments", List.of()),
            new Section("section.declarant", List.of(
                    text("declarant.name"), text("declarant.title"),
                    text("preparer.name"), text("preparer.organization"), text("preparer.uscc"), text("amends"))));

    /** The section index showing {@code path} (milestones in green mine, attachments in attachments). */
    public static int sectionOf(String path) {
        if (path.startsWith("greenMine")) {
            return 5;
        }
        if (path.startsWith("attachments")) {
            return 6;
        }
        for (int i = 0; i < SECTIONS.size(); i++) {
            for (FieldSpec f : SECTIONS.get(i).fields()) {
                if (path.equals(f.path()) || path.startsWith(f.path() + ".")) {
                    return i;
                }
            }
        }
        String top = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        return switch (top) {
            case "licences" -> 1;
            case "production" -> 2;
            case "restorationFund" -> 3;
            case "restoration" -> 4;
            case "declarant", "preparer", "amends" -> 7;
            default -> 0;
        };
    }
}
