package org.telco.payment;

import java.time.Instant;
import java.util.Objects;
import org.telco.subscriber.Msisdn;

/**
 * What a client asks for: put {@code amountFen} on a number's balance. The amount is not checked
 * here but by {@link PaymentRules}, so a bad amount gets a rejection reason in its precedence
 * rather than an exception.
 *
 * @param id the client-chosen payment id
 * @param msisdn the number to top up
 * @param amountFen how much
 * @param payer who pays
 * @param channel how
 */
public record PaymentRequest(
    PaymentId id, Msisdn msisdn, long amountFen, Payer payer, PaymentChannel channel) {
  /** Requires every field. */
  public PaymentRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(payer, "payer");
    Objects.requireNonNull(channel, "channel");
  }

  /** The payment this request becomes once accepted at {@code receivedAt}. */
  public Payment toPayment(Instant receivedAt) {
    return new Payment(id, msisdn, amountFen, payer, channel, receivedAt, 0);
  }
}
