package org.minedecl.server.util;

import java.util.function.Predicate;

/** Walking an exception's chain of causes (a cause that names itself ends the chain). */
public final class Causes {
    private Causes() {
    }

    /** Whether {@code e} or any of its causes passes {@code test}; false for null. */
    public static boolean any(Throwable e, Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** The last cause in the chain of {@code e} ({@code e} itself when it has none). */
    public static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
