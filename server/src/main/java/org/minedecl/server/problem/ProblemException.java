package org.minedecl.server.problem;

/** Carries a {@link Problem} to the one error handler; users cause these, so no stack trace is recorded. */
public final class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
