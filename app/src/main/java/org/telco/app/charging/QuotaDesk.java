package org.telco.app.charging;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Turns one charging request into ledger transfers: usage posts the reservations that held it and
 * releases the rest, usage beyond them is charged at once where something is left, and quota is
 * reserved by pending transfers (bucket to data used, money to data pay-as-you-go). A request costs
 * one read of its subscriber's balances and one submit (both one command on the subscriber's
 * shard): the plan works on the balances as they will be once the request's own settlements have
 * landed, and the settlements come first in the submit. A reservation a rival session took first is
 * refused by the ledger's limit flags, and the rest of that grant is planned again over fresh
 * balances.
 */
final class QuotaDesk {
  private static final int ROUNDS_MAX = 4;

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

  /** A rating group's reservations to settle with the usage reported for it. */
  record Settle(RatingGroup group, List<Reservation> held, long usedBytes) {}

  /** A rating group asking for {@code quotaBytes}. */
  record Ask(RatingGroup group, long quotaBytes) {}

  /** A grant made: its reservations, their sum, whether it is the last, and its validity. */
  record Grant(
      List<Reservation> reservations, long bytes, boolean lastOfFunds, long validitySeconds) {}

  /**
   * What a request did.
   *
   * @param chargedBytes per group, the usage charged (less than reported only when nothing was left
   *     to pay for overuse)
   * @param grants per group asked, the grant
   */
  record Result(Map<RatingGroup, Long> chargedBytes, Map<RatingGroup, Grant> grants) {}

  /** The subscriber's side of a request. */
  record Payers(Subscriber subscriber, List<Bucket> live, long fenPerMegabyte, Instant now) {}

  /**
   * Settles and grants for one request.
   *
   * @param idPrefix unique per request ({@code <ref>:<sequence>}); transfer ids derive from it and
   *     from the reservations', so a request applied again finds its transfers replayed
   * @param payers the subscriber, its live buckets and price; null subscriber: settle only
   */
  Result apply(String idPrefix, Payers payers, List<Settle> settles, List<Ask> asks) {
    Map<AccountId, Long> available = payers.subscriber() == null ? new HashMap<>() : read(payers);
    List<TransferRequest> batch = new ArrayList<>();
    Map<RatingGroup, Long> charged = new LinkedHashMap<>();
    for (Settle settle : settles) {
      long overuse = settle(settle, payers.fenPerMegabyte(), available, batch);
      charged.put(settle.group(), settle.usedBytes() - overuse);
      if (overuse > 0 && payers.subscriber() != null) {
        GrantPlan extra =
            GrantPlan.of(
                overuse,
                payersFor(payers, settle.group(), available),
                available.get(payers.subscriber().moneyAccount()),
                payers.fenPerMegabyte());
        String prefix = idPrefix + ":" + settle.group() + ":over";
        for (int i = 0; i < extra.parts().size(); i++) {
          batch.add(
              posted(
                  TransferIds.of("nchf-over", prefix, Integer.toString(i)),
                  payers,
                  extra.parts().get(i),
                  available));
        }
        charged.merge(settle.group(), extra.grantedBytes(), Long::sum);
      }
    }
    Map<RatingGroup, Grant> grants = new LinkedHashMap<>();
    if (payers.subscriber() == null || asks.isEmpty()) {
      submit(batch);
      return new Result(charged, grants);
    }
    grantAll(idPrefix, payers, asks, available, batch, grants);
    return new Result(charged, grants);
  }

  /**
   * Plans every ask over {@code available}, submits them after {@code batch} (the settlements) in
   * one submit, and plans again what the ledger refused, up to {@link #ROUNDS_MAX} rounds.
   */
  private void grantAll(
      String idPrefix,
      Payers payers,
      List<Ask> asks,
      Map<AccountId, Long> available,
      List<TransferRequest> batch,
      Map<RatingGroup, Grant> grants) {
    Map<RatingGroup, List<Reservation>> made = new LinkedHashMap<>();
    Map<RatingGroup, Long> remaining = new LinkedHashMap<>();
    Map<RatingGroup, Boolean> last = new HashMap<>();
    asks.forEach(a -> remaining.put(a.group(), a.quotaBytes()));
    Map<AccountId, Long> balances = available;
    List<TransferRequest> pending = batch;
    for (int round = 0; round < ROUNDS_MAX && !remaining.isEmpty(); round++) {
      List<TransferRequest> requests = new ArrayList<>(pending);
      int first = requests.size();
      List<Reservation> drafts = new ArrayList<>();
      List<RatingGroup> groupOf = new ArrayList<>();
      for (Map.Entry<RatingGroup, Long> ask : remaining.entrySet()) {
        GrantPlan plan =
            GrantPlan.of(
                ask.getValue(),
                payersFor(payers, ask.getKey(), balances),
                balances.get(payers.subscriber().moneyAccount()),
                payers.fenPerMegabyte());
        last.merge(ask.getKey(), plan.lastOfFunds(), Boolean::logicalOr);
        for (GrantPlan.Part part : plan.parts()) {
          String prefix = idPrefix + ":" + ask.getKey() + ":" + round;
          TransferId id = TransferIds.of("nchf", prefix, Integer.toString(drafts.size()));
          Reservation r = reservation(id, payers, part);
          requests.add(pendingFor(r));
          take(balances, r);
          drafts.add(r);
          groupOf.add(ask.getKey());
        }
      }
      List<TransferResult> results = submit(requests);
      boolean refused = false;
      for (int i = 0; i < drafts.size(); i++) {
        if (results.get(first + i) instanceof TransferResult.Accepted) {
          Reservation r = drafts.get(i);
          made.computeIfAbsent(groupOf.get(i), g -> new ArrayList<>()).add(r);
          remaining.merge(groupOf.get(i), -r.bytes(), Long::sum);
        } else {
          refused = true;
        }
      }
      remaining.values().removeIf(v -> v <= 0);
      if (!refused) {
        break;
      }
      balances = read(payers);
      pending = List.of();
    }
    for (Ask ask : asks) {
      List<Reservation> reservations = made.getOrDefault(ask.group(), List.of());
      long bytes = reservations.stream().mapToLong(Reservation::bytes).sum();
      boolean lastOfFunds = last.getOrDefault(ask.group(), true) || bytes < ask.quotaBytes();
      grants.put(
          ask.group(), new Grant(reservations, bytes, lastOfFunds, validity(reservations, payers)));
    }
  }

  /** Adds the posts and voids settling {@code settle}; returns the overuse. */
  private static long settle(
      Settle settle,
      long fenPerMegabyte,
      Map<AccountId, Long> available,
      List<TransferRequest> batch) {
    UsageSplit split = UsageSplit.of(settle.held(), settle.usedBytes(), fenPerMegabyte);
    for (UsageSplit.Post post : split.posts()) {
      Reservation r = post.reservation();
      TransferId pending = r.pendingId();
      long posted = r.isMoney() ? post.fen() : post.bytes();
      if (posted == 0) {
        batch.add(
            TransferRequest.voidPending(TransferIds.of("nchf-void", pending.value()), pending));
      } else {
        batch.add(
            TransferRequest.postPending(
                TransferIds.of("nchf-post", pending.value()), pending, posted));
      }
      available.merge(r.account(), r.amount() - posted, Long::sum);
    }
    return split.overuseBytes();
  }

  /**
   * The subscriber's balances now: its live buckets' and its money's available credit, as last
   * committed. After a subscriber's first request they are read without a turn in the shard's queue
   * ({@link ShardedLedger#committedAccounts}); a plan made on them that a rival's reservation has
   * since overtaken is refused by the ledger and planned again.
   */
  private Map<AccountId, Long> read(Payers payers) {
    List<AccountId> ids = new ArrayList<>();
    payers.live().forEach(b -> ids.add(b.account()));
    ids.add(payers.subscriber().moneyAccount());
    List<Optional<Account>> found = ledger.committedAccounts(ids).join();
    Map<AccountId, Long> available = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      available.put(ids.get(i), Math.max(0, found.get(i).map(Account::availableCredit).orElse(0L)));
    }
    return available;
  }

  private List<Payer> payersFor(Payers payers, RatingGroup group, Map<AccountId, Long> available) {
    List<Payer> list = new ArrayList<>();
    for (Bucket b : UsagePriority.payersFor(payers.live(), group, payers.now(), zone)) {
      list.add(new Payer(b, Math.max(0, available.getOrDefault(b.account(), 0L))));
    }
    return list;
  }

  private Reservation reservation(TransferId id, Payers payers, GrantPlan.Part part) {
    AccountId from =
        part.bucket() == null ? payers.subscriber().moneyAccount() : part.bucket().account();
    return new Reservation(
        id, from, part.bucket() == null ? null : part.bucket().id(), part.bytes(), part.fen());
  }

  private TransferRequest pendingFor(Reservation r) {
    return transferFor(r, true);
  }

  /** Overuse paid at once: a posted transfer rather than a reservation. */
  private TransferRequest posted(
      TransferId id, Payers payers, GrantPlan.Part part, Map<AccountId, Long> available) {
    Reservation r = reservation(id, payers, part);
    take(available, r);
    return transferFor(r, false);
  }

  /**
   * The transfer that takes {@code r}: from its bucket to data used, or from money to data
   * pay-as-you-go; pending (a reservation, expiring after validity plus grace) or posted.
   */
  private TransferRequest transferFor(Reservation r, boolean pending) {
    TrafficPurpose purpose =
        r.isMoney() ? TrafficPurpose.DATA_PAY_AS_YOU_GO : TrafficPurpose.DATA_USED;
    int member = r.isMoney() ? TrafficAccounts.DATA_PAY_AS_YOU_GO : TrafficAccounts.DATA_USED;
    AccountId to = accounts.houseBeside(r.account(), member);
    if (!pending) {
      return TransferRequest.posted(r.pendingId(), r.account(), to, r.amount(), purpose.code());
    }
    long timeout = settings.validitySeconds() + settings.reservationGraceSeconds();
    return TransferRequest.pending(
        r.pendingId(), r.account(), to, r.amount(), timeout, purpose.code());
  }

  private static void take(Map<AccountId, Long> available, Reservation r) {
    available.merge(r.account(), -r.amount(), Long::sum);
  }

  private List<TransferResult> submit(List<TransferRequest> requests) {
    return requests.isEmpty() ? List.of() : ledger.submit(requests).join();
  }

  /** The validity: the setting, cut at the soonest end (or idle-hours close) of a bucket used. */
  private long validity(List<Reservation> made, Payers payers) {
    long seconds = settings.validitySeconds();
    Instant now = payers.now();
    for (Reservation r : made) {
      if (r.bucket() == null) {
        continue;
      }
      for (Bucket b : payers.live()) {
        if (b.id().equals(r.bucket())) {
          long left = b.usableUntil(now, zone).getEpochSecond() - now.getEpochSecond();
          seconds = Math.min(seconds, Math.max(1, left));
        }
      }
    }
    return seconds;
  }
}
