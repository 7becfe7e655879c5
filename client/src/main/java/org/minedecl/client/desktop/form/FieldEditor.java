package org.minedecl.client.desktop.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.lgooddatepicker.components.DatePicker;
import com.github.lgooddatepicker.components.DatePickerSettings;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JTextField;
import javax.swing.SwingConstants;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.minedecl.client.app.drafts.DraftDocument;
import org.minedecl.client.app.drafts.FieldKind;
import org.minedecl.client.desktop.Texts;
import org.minedecl.shared.rules.Finding;
import org.minedecl.shared.rules.Severity;

/**
 * One input bound to one JSON path of the draft. What is typed goes into the draft at once, as
 * {@link FieldKind#toJson} makes it (text that does not parse is kept as typed and marked); the component's name
 * is the path.
 */
public final class FieldEditor {
    private final FieldSpec spec;
    private final JComponent view;
    private final JComponent input;
    private final JTextField text;
    private final JComboBox<Choice> combo;
    private boolean loading;
    private Consumer<FieldEditor> onEdit = e -> { };
    private List<Finding> findings = List.of();

    /** A choice of a combo box: the JSON code and what the user reads. */
    public record Choice(String code, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    public FieldEditor(FieldSpec spec) {
        this.spec = spec;
        switch (spec.kind()) {
            case DATE -> {
                DatePickerSettings s = new DatePickerSettings(Texts.locale());
                s.setFormatForDatesCommonEra(DateTimeFormatter.ofPattern("yyyy-MM-dd"));
                s.setAllowKeyboardEditing(true);
                DatePicker picker = new DatePicker(s);
                picker.setName(spec.path() + "#picker");
                text = picker.getComponentDateTextField();
                text.setColumns(10);
                // the picker only hands back valid dates; the draft keeps whatever is typed
                picker.addDateChangeListener(e -> {
                    if (!loading && e.getNewDate() != null) {
                        fireEdit();
                    }
                });
                view = picker;
                combo = null;
                input = text;
            }
            case BOOLEAN, ENUM -> {
                combo = new JComboBox<>(choices(spec).toArray(new Choice[0]));
                combo.addActionListener(e -> {
                    if (!loading) {
                        fireEdit();
                    }
                });
                view = combo;
                input = combo;
                text = null;
            }
            default -> {
                text = new JTextField(spec.kind() == FieldKind.TEXT ? 24 : 14);
                if (spec.kind() != FieldKind.TEXT) {
                    text.setHorizontalAlignment(SwingConstants.RIGHT);
                }
                if (spec.kind() == FieldKind.MONEY) {
                    text.addFocusListener(new FocusAdapter() {
                        @Override
                        public void focusLost(FocusEvent e) {
                            reformat();
                        }
                    });
                }
                view = text;
                input = text;
                combo = null;
            }
        }
        input.setName(spec.path());
        if (text != null) {
            text.getDocument().addDocumentListener(new DocumentListener() {
                @Override
                public void insertUpdate(DocumentEvent e) {
                    typed();
                }

                @Override
                public void removeUpdate(DocumentEvent e) {
                    typed();
                }

                @Override
                public void changedUpdate(DocumentEvent e) {
                    typed();
                }
            });
        }
    }

    /** A value as the form shows it, read only: a choice by its label, a number formatted, with its unit. */
    public static String shown(FieldSpec spec, com.fasterxml.jackson.databind.JsonNode v) {
        if (spec.kind() == FieldKind.BOOLEAN || spec.kind() == FieldKind.ENUM) {
            String code = v.isTextual() ? v.textValue() : v.toString();
            for (Choice c : choices(spec)) {
                if (code.equals(c.code())) {
                    return c.label();
                }
            }
            return code;
        }
        String unit = spec.unitKey() == null || spec.unitKey().equals("listedOnly") ? "" : " "
                + Texts.get(spec.unitKey());
        return spec.kind().display(v) + unit;
    }

    static List<Choice> choices(FieldSpec spec) {
        List<Choice> out = new ArrayList<>();
        out.add(new Choice(null, ""));
        if (spec.kind() == FieldKind.BOOLEAN) {
            out.add(new Choice("true", Texts.get("yes")));
            out.add(new Choice("false", Texts.get("no")));
            return out;
        }
        for (Enum<?> c : spec.choices().getEnumConstants()) {
            if ("listedOnly".equals(spec.unitKey()) && !c.name().endsWith("_LISTED")) {
                continue;
            }
            out.add(new Choice(c.name(), Texts.get("enum." + spec.choices().getSimpleName() + "." + c.name())));
        }
        return out;
    }

    private void typed() {
        if (!loading) {
            fireEdit();
        }
    }

    private void fireEdit() {
        markLocal();
        onEdit.accept(this);
    }

    public void onEdit(Consumer<FieldEditor> c) {
        this.onEdit = c;
    }

    public FieldSpec spec() {
        return spec;
    }

    /** What to put in a layout. */
    public JComponent view() {
        return view;
    }

    /** The named input (a text field, or a combo box). */
    public JComponent input() {
        return input;
    }

    /** The JSON value for what the field holds now. */
    public JsonNode value() {
        if (combo != null) {
            Choice c = (Choice) combo.getSelectedItem();
            return c == null || c.code() == null ? null : spec.kind().toJson(c.code());
        }
        return spec.kind().toJson(text.getText());
    }

    /** The raw text shown (for a combo box, the code chosen). */
    public String rawText() {
        if (combo != null) {
            Choice c = (Choice) combo.getSelectedItem();
            return c == null || c.code() == null ? "" : c.code();
        }
        return text.getText();
    }

    /** Shows the draft's value without counting as an edit. */
    public void show(DraftDocument doc) {
        loading = true;
        try {
            JsonNode v = doc.get(spec.path());
            if (combo != null) {
                String code = v == null ? null : v.isTextual() ? v.textValue() : v.toString();
                int idx = 0;
                for (int i = 0; i < combo.getItemCount(); i++) {
                    if (code != null && code.equals(combo.getItemAt(i).code())) {
                        idx = i;
                    }
                }
                if (code != null && idx == 0) {
                    // a value that is no choice (typed into a file by hand): shown, kept, marked
                    Choice odd = new Choice(code, code);
                    combo.addItem(odd);
                    idx = combo.getItemCount() - 1;
                }
                combo.setSelectedIndex(idx);
            } else {
                String shown = spec.kind().display(v);
                if (!shown.equals(text.getText())) {
                    text.setText(shown);
                }
            }
        } finally {
            loading = false;
        }
        markLocal();
    }

    /** Sets the text as if typed by the program (the computed closing balance). */
    public void setComputed(String value) {
        if (text != null && !value.equals(text.getText())) {
            text.setText(value);
        }
    }

    private void reformat() {
        JsonNode v = value();
        if (v != null && spec.kind().accepts(text.getText())) {
            String shown = spec.kind().display(v);
            if (!shown.equals(text.getText())) {
                loading = true;
                try {
                    text.setText(shown);
                } finally {
                    loading = false;
                }
            }
        }
    }

    /** Marks the field with the findings at its path (red outline for errors, amber for the rest). */
    public void mark(List<Finding> atThisPath) {
        this.findings = atThisPath;
        markLocal();
    }

    private void markLocal() {
        String raw = rawText();
        boolean badText = text != null && !spec.kind().accepts(raw);
        String outline = null;
        StringBuilder tip = new StringBuilder();
        if (badText) {
            outline = "error";
            tip.append(Texts.get("invalid", Texts.get("kind." + spec.kind().name()), raw));
        }
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR) {
                outline = "error";
            } else if (outline == null) {
                outline = "warning";
            }
            tip.append(tip.length() == 0 ? "" : "<br>").append(f.ruleId()).append(": ")
                    .append(escape(Texts.english() ? f.message().en() : f.message().zh()));
        }
        input.putClientProperty("JComponent.outline", outline);
        input.setToolTipText(tip.length() == 0 ? null : "<html>" + tip + "</html>");
        input.repaint();
    }

    /** The outline currently shown: "error", "warning" or null (tests read it). */
    public Object outline() {
        return input.getClientProperty("JComponent.outline");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
