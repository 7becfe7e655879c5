package org.minedecl.client.desktop.sign;

import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.print.PageFormat;
import java.awt.print.Printable;
import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JFrame;
import org.minedecl.client.app.Language;
import org.minedecl.client.app.fields.FieldCatalog;
import org.minedecl.client.app.drafts.DraftDocument;
import org.minedecl.client.app.drafts.DraftStore;
import org.minedecl.client.app.drafts.FieldKind;
import org.minedecl.client.desktop.DesktopContext;
import org.minedecl.client.desktop.ErrorDialog;
import org.minedecl.client.desktop.Texts;

/**
 * Proof of filing: the filed declaration's main facts with its receipt id and status, printed through the
 * system print dialog (which offers printing to PDF).
 */
public final class PrintProof {
    private PrintProof() {
    }

    /** The lines printed for a filed draft. */
    public static List<String> lines(DesktopContext ctx, String id) throws IOException {
        DraftDocument d = ((DraftStore.Loaded.Ok) ctx.store.load(id)).draft().document();
        var r = ctx.store.receipt(id);
        List<String> out = new ArrayList<>();
        out.add(Texts.get("app.title") + " — " + Texts.get("print.proof"));
        out.add("");
        out.add(Texts.get("print.receipt") + ": " + (r == null ? "-" : r.receiptId()));
        out.add(Texts.get("print.status") + ": " + (r == null ? "-" : Texts.get("status." + ctx.store.status(id).name())));
        out.add("");
        for (String p : List.of("period", "jurisdiction", "enterprise.name", "enterprise.uscc", "mine.name",
                "licences.mining.number", "production.output", "restorationFund.openingBalance",
                "restorationFund.deposited", "restorationFund.used", "restorationFund.closingBalance",
                "restoration.restoredAreaHa", "declarant.name", "amends")) {
            String v = p.startsWith("restorationFund.") ? FieldKind.MONEY.display(d.get(p)) : d.text(p);
            if (!v.isBlank()) {
                out.add(FieldCatalog.standard().label(p, Texts.english() ? Language.EN : Language.ZH) + ": " + v);
            }
        }
        return out;
    }

    public static void print(DesktopContext ctx, JFrame frame, String id) {
        try {
            List<String> lines = lines(ctx, id);
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setJobName("minedecl " + id);
            job.setPrintable(new Printable() {
                @Override
                public int print(Graphics g, PageFormat pf, int page) {
                    if (page > 0) {
                        return NO_SUCH_PAGE;
                    }
                    Graphics2D g2 = (Graphics2D) g;
                    g2.translate(pf.getImageableX(), pf.getImageableY());
                    g2.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                    int y = 20;
                    for (String l : lines) {
                        g2.drawString(l, 10, y);
                        y += 18;
                    }
                    return PAGE_EXISTS;
                }
            });
            if (job.printDialog()) {
                job.print();
            }
        } catch (IOException | PrinterException | RuntimeException e) {
            ErrorDialog.show(frame, Texts.get("print.failed"), e, ctx.settings);
        }
    }
}
