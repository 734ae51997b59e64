package org.telco.app.console;

/** What a console route does once the session (and for a POST its CSRF token) is checked. */
@FunctionalInterface
public interface PageAction {
  /** Answers the call. */
  Outcome handle(PageCall call);
}
