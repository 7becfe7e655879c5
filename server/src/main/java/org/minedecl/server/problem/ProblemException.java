package org.minedecl.server.problem;

/** Carries a {@link Problem} to the one error handler; users cause these, so no stack trace is recorded. */
public final class ProblemException extends RuntimeException {
    private final transient Problem problem;
    private final String who;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    private ProblemException(Problem problem, String who) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.who = who;
    }

    public Problem problem() {
        return problem;
    }

    /**
     * The same problem, naming for the audit trail who caused it (an upload's signer as
     * {@code subject="..." uscc=... serial=...}); a name given before is kept.
     */
    public ProblemException by(String who) {
        return this.who != null || who == null ? this : new ProblemException(problem, who);
    }

    /** Who caused it, as {@link #by} named it, or null when not known (e.g. a package that cannot be read). */
    public String who() {
        return who;
    }
}
