package org.telco.subscriber;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.telco.ledger.AccountFlag;
import org.telco.ledger.AccountId;
import org.telco.ledger.Asset;
import org.telco.ledger.NewAccount;
import org.telco.ledger.TransferRequest;

/**
 * Where prepaid keeps money in the ledger, and the transfers that move it.
 *
 * <p>Account ids come in families of 256 ({@code id = family << 8 | member}); a family lives on one
 * shard, so a subscriber's accounts and the house accounts they trade with must share one. The
 * layout:
 *
 * <ul>
 *   <li>Families 0-255 hold <b>house accounts</b>, the operator's own: family {@code s} lives on
 *       shard {@code s} and holds that shard's copies. Member 1 is <b>payments clearing</b> (money
 *       received from payment providers and not yet settled with them; top-ups are debited to it,
 *       refunds credited back), member 2 <b>fee revenue</b> (monthly fees, earned when they fall
 *       due). Neither has a limit flag: clearing runs "negative" (debits above credits) by what
 *       providers owe us. Members 3-255 are left for later flows (emergency credit, settlement).
 *       Refunds have no clearing account of their own: a refund reverses a top-up, so it goes back
 *       through payments clearing, whose balance then is exactly what providers owe net of refunds.
 *   <li>Families 256-65535 are reserved for other non-subscriber owners (partners, sponsors).
 *   <li>Subscriber families start at {@link #SUBSCRIBER_FAMILY_BASE} ({@code 1 << 16}) plus a
 *       serial the subscriber store hands out per operator. Member 0 is the <b>money account</b>
 *       (DEBITS_MUST_NOT_EXCEED_CREDITS: a prepaid balance never goes negative), member 1 the
 *       <b>arrears account</b> (CREDITS_MUST_NOT_EXCEED_DEBITS): a fee that cannot be paid is
 *       debited to it, payments credit it, and it can never be paid beyond what is due, so what is
 *       due is its debits minus its credits. Members 2-255 are left for later flows (data buckets).
 * </ul>
 *
 * <p>Transfer ids are deterministic ({@link TransferIds}): {@code fee:<msisdn>:<cycle date>} and
 * {@code due:<msisdn>:<cycle date>} here, and the payment ones in {@code
 * org.telco.payment.PaymentTransfers}. A fee is charged once per cycle however often the fee run
 * retries.
 */
public final class SubscriberAccounts {
  /** Low id bits that number the members of a family. */
  public static final int FAMILY_BITS = 8;

  /** Families 0 to this - 1 hold house accounts, one family per shard. */
  public static final int HOUSE_FAMILIES = 1 << FAMILY_BITS;

  /** The family of the subscriber with serial 0. */
  public static final long SUBSCRIBER_FAMILY_BASE = 1L << 16;

  /** House member: money received from payment providers. */
  public static final int PAYMENTS_CLEARING = 1;

  /** House member: monthly fees earned. */
  public static final int FEE_REVENUE = 2;

  /** House member: emergency advances lent and not yet repaid. */
  public static final int EMERGENCY_CREDIT = 3;

  /** House member: purchases that devices charged to their paying numbers. */
  public static final int CARRIER_BILLING = 4;

  /** Subscriber member: the prepaid balance. */
  public static final int MONEY = 0;

  /** Subscriber member: what is due. */
  public static final int ARREARS = 1;

  private final Shards shards;

  /**
   * Accounts for a node with these shards.
   *
   * @throws IllegalArgumentException when there are more shards than house families, or the routing
   *     does not keep house family {@code s} on shard {@code s}
   */
  public SubscriberAccounts(Shards shards) {
    this.shards = Objects.requireNonNull(shards, "shards");
    int count = shards.count();
    if (count < 1 || count > HOUSE_FAMILIES) {
      throw new IllegalArgumentException("1 to " + HOUSE_FAMILIES + " shards, not " + count);
    }
    for (int s = 0; s < count; s++) {
      if (shards.shardOf(member(s, PAYMENTS_CLEARING)) != s) {
        throw new IllegalArgumentException("shard routing does not keep family " + s + " home");
      }
    }
  }

  /** The account family of subscriber serial {@code serial} (0, 1, 2, ...). */
  public static long subscriberFamily(long serial) {
    if (serial < 0) {
      throw new IllegalArgumentException("serials are not negative: " + serial);
    }
    return Math.addExact(SUBSCRIBER_FAMILY_BASE, serial);
  }

  /** The family an account belongs to. */
  public static long family(AccountId id) {
    return id.value() >>> FAMILY_BITS;
  }

  /** Member {@code member} (0-255) of family {@code family}. */
  public static AccountId member(long family, int member) {
    if (member < 0 || member >= 1 << FAMILY_BITS || family < 0 || family >= 1L << 55) {
      throw new IllegalArgumentException("no member " + member + " of family " + family);
    }
    return new AccountId((family << FAMILY_BITS) | member);
  }

  /** The money account of subscriber family {@code family}. */
  public static AccountId money(long family) {
    return member(requireSubscriberFamily(family), MONEY);
  }

  /** The arrears account of subscriber family {@code family}. */
  public static AccountId arrears(long family) {
    return member(requireSubscriberFamily(family), ARREARS);
  }

  /** Every house account of every shard: open them when a node starts (reopening is harmless). */
  public List<NewAccount> houseAccounts() {
    List<NewAccount> accounts = new ArrayList<>();
    for (int s = 0; s < shards.count(); s++) {
      accounts.add(house(s, PAYMENTS_CLEARING, "payments-clearing"));
      accounts.add(house(s, FEE_REVENUE, "fee-revenue"));
      accounts.add(house(s, EMERGENCY_CREDIT, "emergency-credit"));
      accounts.add(house(s, CARRIER_BILLING, "carrier-billing"));
    }
    return accounts;
  }

  /** The subscriber's money and arrears accounts, to open when it subscribes. */
  public List<NewAccount> open(Subscriber subscriber) {
    return List.of(
        new NewAccount(
            subscriber.moneyAccount(),
            Asset.CNY_FEN,
            Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
            "money:" + subscriber.msisdn()),
        new NewAccount(
            subscriber.arrearsAccount(),
            Asset.CNY_FEN,
            Set.of(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS),
            "arrears:" + subscriber.msisdn()));
  }

  /** Payments clearing on the subscriber's shard. */
  public AccountId paymentsClearing(Subscriber subscriber) {
    return member(shards.shardOf(subscriber.moneyAccount()), PAYMENTS_CLEARING);
  }

  /** Fee revenue on the subscriber's shard. */
  public AccountId feeRevenue(Subscriber subscriber) {
    return member(shards.shardOf(subscriber.moneyAccount()), FEE_REVENUE);
  }

  /** Carrier billing on the subscriber's shard. */
  public AccountId carrierBilling(Subscriber subscriber) {
    return member(shards.shardOf(subscriber.moneyAccount()), CARRIER_BILLING);
  }

  /** Emergency credit on the subscriber's shard. */
  public AccountId emergencyCredit(Subscriber subscriber) {
    return member(shards.shardOf(subscriber.moneyAccount()), EMERGENCY_CREDIT);
  }

  /**
   * Pays the fee of the cycle starting on {@code cycleDate} from money to revenue ({@code
   * fee:<msisdn>:<yyyy-MM-dd>}). The ledger refuses it with EXCEEDS_CREDITS when the balance is
   * short; then {@link #recordDue} records the fee as due instead.
   */
  public TransferRequest chargeFee(Subscriber subscriber, long feeFen, LocalDate cycleDate) {
    return TransferRequest.posted(
        TransferIds.of("fee", subscriber.msisdn().digits(), cycleDate.toString()),
        subscriber.moneyAccount(),
        feeRevenue(subscriber),
        requirePositive(feeFen),
        PurposeCode.MONTHLY_FEE.code());
  }

  /**
   * Records the fee of the cycle starting on {@code cycleDate} as due: arrears to revenue ({@code
   * due:<msisdn>:<yyyy-MM-dd>}). The fee is earned now; the arrears account holds the claim.
   */
  public TransferRequest recordDue(Subscriber subscriber, long feeFen, LocalDate cycleDate) {
    return TransferRequest.posted(
        TransferIds.of("due", subscriber.msisdn().digits(), cycleDate.toString()),
        subscriber.arrearsAccount(),
        feeRevenue(subscriber),
        requirePositive(feeFen),
        PurposeCode.FEE_DUE.code());
  }

  private NewAccount house(int shard, int member, String name) {
    return new NewAccount(member(shard, member), Asset.CNY_FEN, Set.of(), name + ":shard-" + shard);
  }

  private static long requireSubscriberFamily(long family) {
    if (family < SUBSCRIBER_FAMILY_BASE) {
      throw new IllegalArgumentException("family " + family + " is not a subscriber family");
    }
    return family;
  }

  private static long requirePositive(long amountFen) {
    if (amountFen <= 0) {
      throw new IllegalArgumentException("a transfer moves a positive amount, not " + amountFen);
    }
    return amountFen;
  }
}
