package org.telco.app.console;

import java.util.Map;

/** What a console page answers: a rendered page or fragment, a redirect, or JSON for a chart. */
public sealed interface Outcome {
  /**
   * A template rendered with its model (the layout adds the session and navigation).
   *
   * @param status the HTTP status
   * @param template the template's name under {@code console/templates}
   * @param model what the template reads
   */
  record View(int status, String template, Map<String, Object> model) implements Outcome {
    /** A page answered with 200. */
    public static View ok(String template, Map<String, Object> model) {
      return new View(200, template, model);
    }
  }

  /**
   * A 303 to another console page, as after a form that changed something.
   *
   * @param location the path to go to
   */
  record Redirect(String location) implements Outcome {}

  /**
   * A JSON document, such as a chart's series.
   *
   * @param body what Jackson writes
   */
  record Json(Object body) implements Outcome {}
}
