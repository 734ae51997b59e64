package org.telco.bench;

/**
 * Whether a run left its database consistent: money conserved (total debits equal total credits),
 * no limited account overdrawn, and exactly as many stored transfers as were accepted. A fast run
 * that loses or invents transfers would be worthless, so every run ends with one.
 *
 * @param passed true when every check held
 * @param description what was checked, with the figures
 */
record Audit(boolean passed, String description) {
  /** Builds the audit from the figures read back from the database. */
  static Audit of(
      long debitsPosted,
      long creditsPosted,
      long overdrawn,
      long storedTransfers,
      long expectedTransfers,
      String extra) {
    boolean conserved = debitsPosted == creditsPosted;
    boolean counted = storedTransfers == expectedTransfers;
    boolean passed = conserved && counted && overdrawn == 0 && extra.isEmpty();
    String description =
        String.format(
            "%s: debits %,d %s credits %,d; %,d limited accounts overdrawn; "
                + "%,d transfers stored, %,d expected (funding + accepted)%s",
            passed ? "PASS" : "FAIL",
            debitsPosted,
            conserved ? "=" : "!=",
            creditsPosted,
            overdrawn,
            storedTransfers,
            expectedTransfers,
            extra.isEmpty() ? "" : "; " + extra);
    return new Audit(passed, description);
  }
}
