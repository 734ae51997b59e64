package org.telco.web;

/**
 * Carries a {@link Problem} out of a handler; the routing turns it into a problem+json response.
 * Used for expected failures only, so it keeps no stack trace.
 */
public final class ProblemException extends RuntimeException {
  private final transient Problem problem;

  /** Wraps the problem. */
  public ProblemException(Problem problem) {
    super(problem.code() + ": " + problem.detail(), null, false, false);
    this.problem = problem;
  }

  /** The problem to send. */
  public Problem problem() {
    return problem;
  }
}
