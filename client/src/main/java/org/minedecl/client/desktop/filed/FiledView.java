package org.minedecl.client.desktop.filed;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BorderLayout;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import net.miginfocom.swing.MigLayout;
import org.minedecl.client.app.drafts.DraftDocument;
import org.minedecl.client.app.drafts.FiledQuarter;
import org.minedecl.client.app.status.FilingStatus;
import org.minedecl.client.desktop.Texts;
import org.minedecl.client.desktop.form.FieldEditor;
import org.minedecl.client.desktop.form.FieldSpec;

/**
 * A filed quarter, read only: its receipt id and status (returned by the regulator, with the reason), the
 * regulator's decisions and the abnormal-list entries, the receipt's findings, and the declaration exactly as it
 * was signed, section by section. Amend and print act on it from the toolbar.
 */
public final class FiledView {
    private final FiledQuarter q;
    private final JPanel view = new JPanel(new BorderLayout());

    public FiledView(FiledQuarter q) {
        this.q = q;
        JPanel p = new JPanel(new MigLayout("wrap 2, insets 12 16 16 16, fillx", "[right]12[grow, left]"));
        DraftDocument d = q.declaration();
        JLabel title = new JLabel(d.text("mine.name") + "  " + d.text("period") + "  " + Texts.get("filed.title"));
        title.putClientProperty("FlatLaf.styleClass", "h2");
        p.add(title, "span 2, left, gapbottom 8");
        row(p, "filed.receiptId", Texts.get("print.receipt"), q.receiptId());
        JLabel st = row(p, "filed.status", Texts.get("print.status"), Texts.get("status." + q.status().name()));
        st.putClientProperty("FlatLaf.styleClass", q.status().name().toLowerCase(java.util.Locale.ROOT));
        if (q.receivedAt() != null) {
            row(p, "filed.receivedAt", Texts.get("filed.receivedAt"), local(q.receivedAt()));
        }
        if (q.packageSha256() != null) {
            row(p, "filed.sha256", Texts.get("filed.sha256"), q.packageSha256());
        }
        FilingStatus s = q.server();
        if (s != null && s.returned()) {
            JLabel r = row(p, "filed.returned", Texts.get("filed.returnedLabel"), Texts.get("filed.returned",
                    s.returnReason() == null ? "-" : s.returnReason()));
            r.putClientProperty("FlatLaf.styleClass", "shortfall");
        }
        if (s != null && s.supersededBy() != null) {
            row(p, "filed.amendedBy", Texts.get("filed.amendedBy"), s.supersededBy());
        }
        row(p, "filed.checked", Texts.get("filed.checked"), s == null ? Texts.get("filed.notChecked")
                : s.checkedAt().atZone(org.minedecl.client.app.BusinessClock.ZONE).toLocalDateTime()
                .withNano(0).toString().replace('T', ' '));
        section(p, Texts.get("filed.decisions"));
        if (s == null || s.decisions().isEmpty()) {
            note(p, "filed.decisions.none", Texts.get("filed.decisions.none"));
        } else {
            int i = 0;
            for (FilingStatus.Decision x : s.decisions()) {
                note(p, "filed.decision." + i++, (x.decidedAt() == null ? "" : x.decidedAt().atZone(
                        org.minedecl.client.app.BusinessClock.ZONE).toLocalDate() + "  ")
                        + Texts.get("decision." + x.decision()) + (x.ruleId() == null ? "" : " " + x.ruleId())
                        + (x.reason() == null ? "" : ": " + x.reason()));
            }
        }
        section(p, Texts.get("filed.abnormal"));
        if (s == null || s.abnormal().isEmpty()) {
            note(p, "filed.abnormal.none", Texts.get(s == null ? "filed.notChecked" : "filed.abnormal.none"));
        } else {
            int i = 0;
            for (FilingStatus.AbnormalEntry e : s.abnormal()) {
                note(p, "filed.abnormal." + i++, e.ruleId() + "  " + Texts.get("abnormal." + e.state()));
            }
        }
        section(p, Texts.get("filed.findings"));
        if (q.findings().isEmpty()) {
            note(p, "filed.findings.none", Texts.get("filed.findings.none"));
        }
        for (FiledQuarter.ReceiptFinding f : q.findings()) {
            note(p, "filed.finding." + f.ruleId(), f.ruleId() + " (" + f.severity() + "): "
                    + (Texts.english() ? f.en() : f.zh()));
        }
        section(p, Texts.get(q.fromPackage() ? "filed.signed" : "filed.signedFromDraft"));
        for (FieldSpec.Section sec : FieldSpec.SECTIONS) {
            JLabel h = new JLabel(Texts.get(sec.key()));
            h.putClientProperty("FlatLaf.styleClass", "h4");
            p.add(h, "span 2, left, gaptop 6");
            for (FieldSpec f : sec.fields()) {
                JsonNode v = d.get(f.path());
                if (v != null && !v.isNull()) {
                    row(p, "filed." + f.path(), org.minedecl.client.app.fields.FieldCatalog.standard().label(f.path(),
                            Texts.english() ? org.minedecl.client.app.Language.EN
                                    : org.minedecl.client.app.Language.ZH), FieldEditor.shown(f, v));
                }
            }
            if (sec.key().equals("section.greenMine")) {
                JsonNode ms = d.root().path("greenMine").path("milestones");
                for (int i = 0; i < ms.size(); i++) {
                    JsonNode m = ms.get(i);
                    row(p, "filed.milestone." + i, i == 0 ? Texts.get("field.milestones") : "",
                            m.path("name").asText() + "  " + m.path("due").asText() + "  "
                                    + (m.path("done").asBoolean() ? Texts.get("field.milestone.done") : ""));
                }
            }
            if (sec.key().equals("section.attachments")) {
                JsonNode as = d.root().path("attachments");
                for (int i = 0; i < as.size(); i++) {
                    row(p, "filed.attachment." + i, "", as.get(i).path("path").asText().replaceFirst("^attachments/", "")
                            + "  (" + as.get(i).path("kind").asText() + ")");
                }
            }
        }
        JScrollPane sp = new JScrollPane(p, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
                JScrollPane.HORIZONTAL_SCROLLBAR_AS_NEEDED);
        sp.getVerticalScrollBar().setUnitIncrement(16);
        sp.setBorder(null);
        view.add(sp, BorderLayout.CENTER);
        view.setName("filed:" + q.id());
    }

    public JComponent view() {
        return view;
    }

    public FiledQuarter quarter() {
        return q;
    }

    /** An instant as Beijing time, "2026-07-09 10:31:07"; other text as it is. */
    static String local(String instant) {
        try {
            return java.time.Instant.parse(instant).atZone(org.minedecl.client.app.BusinessClock.ZONE)
                    .toLocalDateTime().toString().replace('T', ' ');
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }

    private static JLabel row(JPanel p, String name, String label, String value) {
        JLabel l = new JLabel(label);
        l.putClientProperty("FlatLaf.styleClass", "small");
        JLabel v = new JLabel(value == null || value.isEmpty() ? "-" : value);
        v.setName(name);
        p.add(l);
        p.add(v, "growx, wmin 100");
        return v;
    }

    private static void section(JPanel p, String text) {
        JLabel h = new JLabel(text);
        h.putClientProperty("FlatLaf.styleClass", "h3");
        h.setBorder(BorderFactory.createEmptyBorder(10, 0, 2, 0));
        p.add(h, "span 2, left, gaptop 8");
    }

    private static void note(JPanel p, String name, String text) {
        JLabel l = new JLabel(text);
        l.setName(name);
        p.add(l, "skip 1, growx, wmin 100");
    }
}
