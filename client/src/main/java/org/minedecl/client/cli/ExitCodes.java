package org.minedecl.client.cli;

/** The exit codes of CONTRACTS section 4. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The declaration has ERROR findings. */
    public static final int DECLARATION_ERRORS = 1;
    public static final int USAGE = 2;
    /** The package or its signature is invalid. */
    public static final int PACKAGE_INVALID = 3;
    /** Server or network error. */
    public static final int SERVER = 4;

    private ExitCodes() {
    }
}
