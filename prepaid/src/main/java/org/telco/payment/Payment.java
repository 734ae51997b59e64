package org.telco.payment;

import java.time.Instant;
import java.util.Objects;
import org.telco.subscriber.Msisdn;

/**
 * A payment taken from a payer and credited to a number's balance, and how much of it has been
 * refunded. Two payments with the same id are the same payment when their request fields match
 * ({@link #sameRequestAs}); the time received and the refunds are not part of the request.
 *
 * @param id the client-chosen payment id
 * @param msisdn the number topped up
 * @param amountFen how much, positive
 * @param payer who paid
 * @param channel how
 * @param receivedAt when it was first accepted
 * @param refundedFen how much was refunded so far, 0 to {@code amountFen}
 */
public record Payment(
    PaymentId id,
    Msisdn msisdn,
    long amountFen,
    Payer payer,
    PaymentChannel channel,
    Instant receivedAt,
    long refundedFen) {
  /** Checks the amounts: positive, and never more refunded than paid. */
  public Payment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(payer, "payer");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (amountFen <= 0) {
      throw new IllegalArgumentException("a payment amount is positive: " + amountFen);
    }
    if (refundedFen < 0 || refundedFen > amountFen) {
      throw new IllegalArgumentException(
          "refunded " + refundedFen + " of a payment of " + amountFen);
    }
  }

  /**
   * Whether {@code request} asks for this very payment: same id, number, amount, payer, channel.
   */
  public boolean sameRequestAs(PaymentRequest request) {
    return id.equals(request.id())
        && msisdn.equals(request.msisdn())
        && amountFen == request.amountFen()
        && payer.equals(request.payer())
        && channel == request.channel();
  }

  /** Whether the two are the same payment, whatever their time and refunds. */
  public boolean sameRequestAs(Payment other) {
    return sameRequestAs(other.request());
  }

  /** The request this payment answered. */
  public PaymentRequest request() {
    return new PaymentRequest(id, msisdn, amountFen, payer, channel);
  }

  /** What can still be refunded. */
  public long refundableFen() {
    return amountFen - refundedFen;
  }

  /** This payment with {@code amountFen} more refunded. */
  public Payment withRefund(long amountFen) {
    return new Payment(
        id,
        msisdn,
        this.amountFen,
        payer,
        channel,
        receivedAt,
        Math.addExact(refundedFen, amountFen));
  }
}
