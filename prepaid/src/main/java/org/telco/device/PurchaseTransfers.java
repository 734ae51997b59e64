package org.telco.device;

import java.util.Objects;
import org.telco.ledger.TransferRequest;
import org.telco.subscriber.PurposeCode;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;

/**
 * The ledger transfer of a device purchase: from the payer's money account to the carrier-billing
 * account on the payer's shard, under {@link Purchase#transferId()}, so a retried charge moves the
 * money once. The money account may not go below zero, so a payer short of money is refused by the
 * ledger itself.
 */
public final class PurchaseTransfers {
  private final SubscriberAccounts accounts;

  /** Transfers over an operator's accounts. */
  public PurchaseTransfers(SubscriberAccounts accounts) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
  }

  /**
   * Charges {@code purchase} to {@code payer}.
   *
   * @throws IllegalArgumentException when {@code payer} is not the purchase's payer
   */
  public TransferRequest charge(Subscriber payer, Purchase purchase) {
    if (!payer.msisdn().equals(purchase.payer())) {
      throw new IllegalArgumentException(payer.msisdn() + " does not pay " + purchase.id());
    }
    return TransferRequest.posted(
        purchase.transferId(),
        payer.moneyAccount(),
        accounts.carrierBilling(payer),
        purchase.amountFen(),
        PurposeCode.DEVICE_PURCHASE.code());
  }
}
