package org.telco.phone.autopay;

import java.util.Objects;

/**
 * How the user wants the agent to pay.
 *
 * @param payer who pays: the user's own number or payment account, given with every payment
 * @param presetFen the small amount paid first to a restricted number, to see whether it re-opens
 * @param amountFen the top-up paid once a number is open again
 * @param contactCapFen the most paid to one number in one run
 * @param runCapFen the most paid in one run altogether
 * @param dryRun ask the network, pay nothing, say what would be paid
 */
public record AutopaySettings(
    String payer,
    long presetFen,
    long amountFen,
    long contactCapFen,
    long runCapFen,
    boolean dryRun) {
  /** Requires a payer and positive amounts. */
  public AutopaySettings {
    Objects.requireNonNull(payer, "payer");
    if (payer.isBlank()) {
      throw new IllegalArgumentException("a payer is required");
    }
    if (presetFen <= 0 || amountFen <= 0 || contactCapFen <= 0 || runCapFen <= 0) {
      throw new IllegalArgumentException("amounts and caps must be positive");
    }
  }
}
