package org.telco.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.telco.ledger.AccountFlag;
import org.telco.ledger.AccountId;
import org.telco.ledger.Asset;
import org.telco.ledger.NewAccount;
import org.telco.subscriber.Shards;
import org.telco.subscriber.SubscriberAccounts;

/**
 * Where flow F5 keeps data and the money it earns in the ledger (see {@link SubscriberAccounts} for
 * the families).
 *
 * <ul>
 *   <li>House members on each shard: <b>data issued</b> (5, bytes: the source of every bucket's
 *       data, so its debits are all data ever sold), <b>data used</b> (6, bytes: what sessions
 *       consumed), <b>data expired</b> (7, bytes: what buckets held when they ran out), <b>traffic
 *       sales</b> (8, fen: packs and cards sold), <b>data pay-as-you-go</b> (9, fen: data paid from
 *       money) and <b>sponsorship</b> (10, fen: what partners paid for their directed traffic).
 *   <li>Subscriber members 2 to 255 are <b>bucket slots</b>: a bucket's account, bytes, with
 *       DEBITS_MUST_NOT_EXCEED_CREDITS, so no grant can take more than it holds. A slot is reused
 *       once its bucket has ended (expired or voided, and empty), so a subscriber can hold up to
 *       254 live buckets however many they buy over the years.
 *   <li>Partner families start at {@link #PARTNER_FAMILY_BASE}; member 0 is the partner's account
 *       (fen, no limit: settlements may take it below zero, which is what the partner owes).
 * </ul>
 */
public final class TrafficAccounts {
  /** House member: data issued. */
  public static final int DATA_ISSUED = 5;

  /** House member: data used. */
  public static final int DATA_USED = 6;

  /** House member: data expired. */
  public static final int DATA_EXPIRED = 7;

  /** House member: traffic sales. */
  public static final int TRAFFIC_SALES = 8;

  /** House member: data paid as you go. */
  public static final int DATA_PAY_AS_YOU_GO = 9;

  /** House member: partners' sponsorship. */
  public static final int SPONSORSHIP = 10;

  /** The first subscriber member that is a bucket slot. */
  public static final int FIRST_BUCKET_SLOT = 2;

  /** The last bucket slot. */
  public static final int LAST_BUCKET_SLOT = 255;

  /** The family of partner serial 0. */
  public static final long PARTNER_FAMILY_BASE = 1_024;

  private final Shards shards;

  /** The accounts of a node with these shards. */
  public TrafficAccounts(Shards shards) {
    this.shards = Objects.requireNonNull(shards, "shards");
  }

  /**
   * Every house account flow F5 uses, on every shard: open them at start (reopening is harmless).
   */
  public List<NewAccount> houseAccounts() {
    List<NewAccount> accounts = new ArrayList<>();
    for (int s = 0; s < shards.count(); s++) {
      accounts.add(house(s, DATA_ISSUED, Asset.DATA_BYTES, "data-issued"));
      accounts.add(house(s, DATA_USED, Asset.DATA_BYTES, "data-used"));
      accounts.add(house(s, DATA_EXPIRED, Asset.DATA_BYTES, "data-expired"));
      accounts.add(house(s, TRAFFIC_SALES, Asset.CNY_FEN, "traffic-sales"));
      accounts.add(house(s, DATA_PAY_AS_YOU_GO, Asset.CNY_FEN, "data-pay-as-you-go"));
      accounts.add(house(s, SPONSORSHIP, Asset.CNY_FEN, "sponsorship"));
    }
    return accounts;
  }

  /** House member {@code member} on the shard of {@code account}. */
  public AccountId houseBeside(AccountId account, int member) {
    return SubscriberAccounts.member(shards.shardOf(account), member);
  }

  /** The account of bucket slot {@code slot} of subscriber family {@code family}. */
  public static AccountId bucketAccount(long family, int slot) {
    if (slot < FIRST_BUCKET_SLOT || slot > LAST_BUCKET_SLOT) {
      throw new IllegalArgumentException("bucket slots are 2-255, not " + slot);
    }
    return SubscriberAccounts.member(family, slot);
  }

  /** The ledger account of a bucket, to open when the bucket is created. */
  public static NewAccount openBucket(AccountId account, String msisdn) {
    return new NewAccount(
        account,
        Asset.DATA_BYTES,
        Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
        "bucket:" + msisdn + ":" + (account.value() & 0xFF));
  }

  /** The account of partner serial {@code serial}. */
  public static AccountId partnerAccount(int serial) {
    if (serial < 0 || serial >= 64_512) {
      throw new IllegalArgumentException("partner serials are 0-64511: " + serial);
    }
    return SubscriberAccounts.member(PARTNER_FAMILY_BASE + serial, 0);
  }

  /** A partner's account, to open when the node starts. */
  public static NewAccount openPartner(int serial, String partnerId) {
    return new NewAccount(partnerAccount(serial), Asset.CNY_FEN, Set.of(), "partner:" + partnerId);
  }

  private static NewAccount house(int shard, int member, Asset asset, String name) {
    return new NewAccount(
        SubscriberAccounts.member(shard, member), asset, Set.of(), name + ":shard-" + shard);
  }
}
