package org.telco.payment;

import java.util.Objects;
import java.util.Optional;
import org.telco.ledger.TransferRequest;
import org.telco.subscriber.PurposeCode;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.TransferIds;

/**
 * The ledger transfers of payments, with ids that follow from the payment, so a retried payment
 * moves its money once. All of them stay on the subscriber's shard (see {@link
 * SubscriberAccounts}):
 *
 * <ul>
 *   <li>{@code payment:<paymentId>}: payments clearing to money, the amount paid;
 *   <li>{@code settle:<paymentId>}: money to arrears, what is due as far as money covers it;
 *   <li>{@code refund:<paymentId>:<refundId>}: money back to payments clearing.
 * </ul>
 *
 * Ids longer than a transfer id allows take the digest form of {@link TransferIds}.
 */
public final class PaymentTransfers {
  private final SubscriberAccounts accounts;

  /** Transfers between the subscriber and house accounts of {@code accounts}. */
  public PaymentTransfers(SubscriberAccounts accounts) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
  }

  /** Credits the payment to the subscriber's money. */
  public TransferRequest topUp(Subscriber subscriber, Payment payment) {
    requireSameNumber(subscriber, payment);
    return TransferRequest.posted(
        TransferIds.of("payment", payment.id().value()),
        accounts.paymentsClearing(subscriber),
        subscriber.moneyAccount(),
        payment.amountFen(),
        PurposeCode.TOP_UP.code());
  }

  /**
   * Pays what is due from money, as far as money covers it: {@code min(dueFen, availableFen)}, or
   * nothing when either is zero. A top-up is followed by this, so it pays what is due first.
   *
   * @param dueFen what the arrears account says is due (debits minus credits)
   * @param availableFen the money balance available now
   */
  public Optional<TransferRequest> settle(
      Subscriber subscriber, PaymentId paymentId, long dueFen, long availableFen) {
    long amountFen = Math.min(dueFen, availableFen);
    if (amountFen <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        TransferRequest.posted(
            TransferIds.of("settle", paymentId.value()),
            subscriber.moneyAccount(),
            subscriber.arrearsAccount(),
            amountFen,
            PurposeCode.ARREARS_SETTLED.code()));
  }

  /** Takes the refund out of the subscriber's money, back to payments clearing. */
  public TransferRequest refund(Subscriber subscriber, Payment payment, Refund refund) {
    requireSameNumber(subscriber, payment);
    if (!refund.paymentId().equals(payment.id())) {
      throw new IllegalArgumentException(
          "refund of " + refund.paymentId() + ", not " + payment.id());
    }
    return TransferRequest.posted(
        TransferIds.of("refund", payment.id().value(), refund.refundId().value()),
        subscriber.moneyAccount(),
        accounts.paymentsClearing(subscriber),
        refund.amountFen(),
        PurposeCode.REFUND.code());
  }

  private static void requireSameNumber(Subscriber subscriber, Payment payment) {
    if (!subscriber.msisdn().equals(payment.msisdn())) {
      throw new IllegalArgumentException(
          "payment "
              + payment.id()
              + " is for "
              + payment.msisdn()
              + ", not "
              + subscriber.msisdn());
    }
  }
}
