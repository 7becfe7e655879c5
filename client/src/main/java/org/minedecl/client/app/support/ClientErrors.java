package org.minedecl.client.app.support;

/** Turning exceptions of broken environments into one line for people. */
public final class ClientErrors {
    private ClientErrors() {
    }

    /** The innermost cause's message on one line (its class name when it has none). */
    public static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("[\\r\\n]+", " ");
    }
}
