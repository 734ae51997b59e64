package org.telco.app.charging;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.telco.charging.GrantPlan;
import org.telco.charging.Payer;
import org.telco.charging.QuotaSettings;
import org.telco.charging.Reservation;
import org.telco.charging.UsageSplit;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.TransferIds;
import org.telco.traffic.Bucket;
import org.telco.traffic.RatingGroup;
import org.telco.traffic.TrafficAccounts;
import org.telco.traffic.TrafficPurpose;
import org.telco.traffic.UsagePriority;

/**
 * Turns grants and usage into ledger transfers for one rating group of one session: reservations
 * are pending transfers (bucket to data used, money to data pay-as-you-go), reported usage posts
 * them in part and releases the rest. The ledger's limit flags are the last word: a reservation a
 * rival session took first is refused, and the grant is planned again over what is left.
 */
final class QuotaDesk {
  private static final int PLAN_ATTEMPTS = 4;

  private final ShardedLedger ledger;
  private final TrafficAccounts accounts;
  private final QuotaSettings settings;
  private final ZoneId zone;

  QuotaDesk(ShardedLedger ledger, TrafficAccounts accounts, QuotaSettings settings, ZoneId zone) {
    this.ledger = ledger;
    this.accounts = accounts;
    this.settings = settings;
    this.zone = zone;
  }

  /** A grant made: its reservations, their sum, whether it is the last, and its validity. */
  record Grant(
      List<Reservation> reservations, long bytes, boolean lastOfFunds, long validitySeconds) {}

  /**
   * Settles {@code held} with {@code usedBytes}: posts what was used of each, releases the rest,
   * and charges overuse where it still can. Transfer ids derive from each reservation's id, so
   * settling again (a retried request) changes nothing.
   *
   * @return the bytes charged (used, or less when overuse found nothing to pay with)
   */
  long settle(List<Reservation> held, long usedBytes, long fenPerMegabyte) {
    UsageSplit split = UsageSplit.of(held, usedBytes, fenPerMegabyte);
    List<TransferRequest> requests = new ArrayList<>();
    for (UsageSplit.Post post : split.posts()) {
      TransferId pending = post.reservation().pendingId();
      if (post.bytes() == 0) {
        requests.add(
            TransferRequest.voidPending(TransferIds.of("nchf-void", pending.value()), pending));
      } else {
        long amount = post.reservation().isMoney() ? post.fen() : post.bytes();
        requests.add(
            TransferRequest.postPending(
                TransferIds.of("nchf-post", pending.value()), pending, amount));
      }
    }
    if (!requests.isEmpty()) {
      ledger.submit(requests).join();
    }
    return usedBytes - split.overuseBytes();
  }

  /**
   * Reserves up to {@code quotaBytes} for {@code group}: from the paying buckets in priority order,
   * then from money.
   *
   * @param idPrefix the prefix of the reservations' ids: the session, sequence and group
   */
  Grant grant(
      String idPrefix,
      Subscriber subscriber,
      List<Bucket> buckets,
      RatingGroup group,
      long quotaBytes,
      long fenPerMegabyte,
      Instant now) {
    List<Bucket> payers = UsagePriority.payersFor(buckets, group, now, zone);
    List<Reservation> made = new ArrayList<>();
    long remaining = quotaBytes;
    boolean last = false;
    int serial = 0;
    for (int attempt = 0; attempt < PLAN_ATTEMPTS && remaining > 0; attempt++) {
      GrantPlan plan = plan(payers, subscriber, remaining, fenPerMegabyte);
      last = plan.lastOfFunds();
      if (plan.isEmpty()) {
        break;
      }
      List<TransferId> ids = new ArrayList<>();
      for (int i = 0; i < plan.parts().size(); i++) {
        ids.add(TransferIds.of("nchf", idPrefix, Integer.toString(serial++)));
      }
      List<Reservation> reserved = reserve(ids, subscriber, plan.parts());
      for (Reservation r : reserved) {
        made.add(r);
        remaining -= r.bytes();
      }
      if (reserved.size() == plan.parts().size()) {
        break;
      }
    }
    long granted = quotaBytes - remaining;
    return new Grant(made, granted, last || remaining > 0, validity(made, buckets, now));
  }

  /**
   * Plans over what the payers and money hold now, read in one command per shard (a subscriber's
   * accounts all live on one).
   */
  private GrantPlan plan(
      List<Bucket> payers, Subscriber subscriber, long quotaBytes, long fenPerMegabyte) {
    List<AccountId> ids = new ArrayList<>();
    for (Bucket bucket : payers) {
      ids.add(bucket.account());
    }
    ids.add(subscriber.moneyAccount());
    List<Optional<Account>> read = ledger.accounts(ids).join();
    List<Payer> available = new ArrayList<>();
    for (int i = 0; i < payers.size(); i++) {
      long left = read.get(i).map(Account::availableCredit).orElse(0L);
      available.add(new Payer(payers.get(i), Math.max(0, left)));
    }
    long moneyLeft = read.getLast().map(Account::availableCredit).orElse(0L);
    return GrantPlan.of(quotaBytes, available, Math.max(0, moneyLeft), fenPerMegabyte);
  }

  /**
   * Makes the plan's reservations in one submit (not linked: each stands alone), and returns those
   * the ledger accepted; a part a rival session took first is refused and left out.
   */
  private List<Reservation> reserve(
      List<TransferId> ids, Subscriber subscriber, List<GrantPlan.Part> parts) {
    long timeout = settings.validitySeconds() + settings.reservationGraceSeconds();
    List<TransferRequest> requests = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      GrantPlan.Part part = parts.get(i);
      AccountId from = part.bucket() == null ? subscriber.moneyAccount() : part.bucket().account();
      requests.add(
          part.bucket() == null
              ? TransferRequest.pending(
                  ids.get(i),
                  from,
                  accounts.houseBeside(from, TrafficAccounts.DATA_PAY_AS_YOU_GO),
                  part.fen(),
                  timeout,
                  TrafficPurpose.DATA_PAY_AS_YOU_GO.code())
              : TransferRequest.pending(
                  ids.get(i),
                  from,
                  accounts.houseBeside(from, TrafficAccounts.DATA_USED),
                  part.bytes(),
                  timeout,
                  TrafficPurpose.DATA_USED.code()));
    }
    List<TransferResult> results = ledger.submit(requests).join();
    List<Reservation> made = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      if (results.get(i) instanceof TransferResult.Accepted) {
        GrantPlan.Part part = parts.get(i);
        made.add(
            new Reservation(
                ids.get(i),
                requests.get(i).debitAccountId(),
                part.bucket() == null ? null : part.bucket().id(),
                part.bytes(),
                part.fen()));
      }
    }
    return made;
  }

  /** The validity: the setting, cut at the soonest end (or idle-hours close) of a bucket used. */
  private long validity(List<Reservation> made, List<Bucket> buckets, Instant now) {
    long seconds = settings.validitySeconds();
    for (Reservation r : made) {
      if (r.bucket() == null) {
        continue;
      }
      for (Bucket b : buckets) {
        if (b.id().equals(r.bucket())) {
          long left = b.usableUntil(now, zone).getEpochSecond() - now.getEpochSecond();
          seconds = Math.min(seconds, Math.max(1, left));
        }
      }
    }
    return seconds;
  }
}
