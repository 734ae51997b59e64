package org.telco.app.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.telco.app.billing.BillingItem.Step;
import org.telco.app.credit.OfferTimers;
import org.telco.app.subscriber.ArrearsReopening;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.ledger.LedgerStore;
import org.telco.ledger.Transfer;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRejection;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.outbox.Outbox;
import org.telco.outbox.OutboxMessage;
import org.telco.subscriber.BillingCycles;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.Plan;
import org.telco.subscriber.PlanCatalog;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.StateChangeResult;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.SubscriberStore;
import org.telco.subscriber.SubscriberUpdate;
import org.telco.subscriber.SubscriberUpdateResult;
import org.telco.subscriber.TransferIds;

/**
 * The monthly fee run of docs/prepaid.md ("Billing run"): takes the subscribers whose cycle has
 * started, charges or records each fee, bars those who cannot pay, and moves them to their next
 * cycle. It works in chunks, one ledger submit per step of a chunk and one store write per chunk,
 * because a whole operator's base falls due over a month.
 *
 * <p>A run may be cut anywhere and run again. The ledger is where the decision of a cycle lands
 * ({@code fee:} or {@code due:}, never both), so before deciding for a subscriber the run looks in
 * the committed ledger for what an earlier, interrupted run decided and follows it. Notices are
 * enqueued before the subscriber moves on, with ids from the number and the cycle date, so a re-run
 * sends nothing twice and a crash loses nothing.
 */
public final class BillingRun {
  /** Subscribers taken at once: big enough for batched writes, small enough to stay responsive. */
  public static final int DEFAULT_CHUNK = 5_000;

  /** Decided chunks the writers hold: one having its notices stored, one moving on. */
  private static final int WRITES_IN_FLIGHT = 2;

  /** How many chunks {@link #runDue} reads at once: one read, then chunk after chunk. */
  private static final int READ_AHEAD_CHUNKS = 10;

  private static final Logger LOG = Logger.getLogger(BillingRun.class.getName());

  private final Supplier<PlanCatalog> plans;
  private final SubscriberStore subscribers;
  private final SubscriberAccounts accounts;
  private final ShardedLedger ledger;
  private final LedgerStore committed;
  private final BillingNotices notices;
  private final ArrearsReopening reopening;
  private final OfferTimers offers;
  private final BillingCycles cycles;
  private final Clock clock;
  private final int chunk;

  /**
   * A run over one operator.
   *
   * @param committed the ledger's store, read for decisions an interrupted run already committed
   * @param chunk how many subscribers one step takes
   */
  public BillingRun(
      OperatorProfile profile,
      Supplier<PlanCatalog> plans,
      SubscriberStore subscribers,
      SubscriberAccounts accounts,
      ShardedLedger ledger,
      LedgerStore committed,
      Outbox outbox,
      ArrearsReopening reopening,
      OfferTimers offers,
      Clock clock,
      int chunk) {
    if (chunk < 1) {
      throw new IllegalArgumentException("chunk must be positive: " + chunk);
    }
    this.plans = plans;
    this.subscribers = subscribers;
    this.accounts = accounts;
    this.ledger = ledger;
    this.committed = committed;
    this.notices = new BillingNotices(profile, outbox);
    this.reopening = reopening;
    this.offers = offers;
    this.cycles = new BillingCycles(profile.zone());
    this.clock = clock;
    this.chunk = chunk;
  }

  /**
   * Runs chunks until no cycle is due; a subscriber several cycles behind is billed once per cycle,
   * in order.
   *
   * <p>Three chunks overlap, like a pipeline: while one chunk's subscribers are moved on (on one
   * thread of the run's own), the next chunk's notices are stored (on another) and the one after is
   * decided in the ledger. Subscribers are read several chunks at a time, leaving out the numbers
   * still being written, so no subscriber is in two chunks at once, and each subscriber's steps
   * keep their order (ledger decision, notices, store), which is all a re-run relies on. A
   * subscriber that changed since it was read is written as stale and read again, as in {@link
   * #runOnce}.
   *
   * @return how many subscriber cycles were handled
   */
  public int runDue() {
    int total = 0;
    int readAhead = (int) Math.min(Integer.MAX_VALUE / 2, (long) chunk * READ_AHEAD_CHUNKS);
    try (ExecutorService noticeWriter = ChunkWriting.writer("billing-notices");
        ExecutorService stateWriter = ChunkWriting.writer("billing-states")) {
      Deque<ChunkWriting.Writing> writing = new ArrayDeque<>();
      while (true) {
        Instant now = clock.instant();
        List<Subscriber> due = dueExcept(now, ChunkWriting.numbersOf(writing), readAhead);
        if (due.isEmpty()) {
          if (writing.isEmpty()) {
            return total;
          }
          while (!writing.isEmpty()) {
            ChunkWriting.await(writing.removeFirst().stored());
          }
          continue;
        }
        for (int from = 0; from < due.size(); from += chunk) {
          List<Subscriber> part = due.subList(from, Math.min(due.size(), from + chunk));
          Chunk decided = decide(part, now);
          while (writing.size() >= WRITES_IN_FLIGHT) {
            ChunkWriting.await(writing.removeFirst().stored());
          }
          Future<?> noticed = noticeWriter.submit(() -> announce(decided, now));
          Future<?> stored =
              stateWriter.submit(
                  () -> {
                    ChunkWriting.await(
                        noticed); // a subscriber moves on only after its notices are stored
                    store(decided.items, now);
                  });
          writing.addLast(new ChunkWriting.Writing(stored, ChunkWriting.numbersOf(part)));
        }
        total += due.size();
      }
    }
  }

  /**
   * Handles one chunk of due cycles.
   *
   * @return how many subscriber cycles were handled (0 when none is due)
   */
  public int runOnce() {
    Instant now = clock.instant();
    List<Subscriber> due = subscribers.dueForCycle(now, chunk);
    if (due.isEmpty()) {
      return 0;
    }
    Chunk decided = decide(due, now);
    announce(decided, now);
    store(decided.items, now);
    return due.size();
  }

  /** Up to {@code limit} subscribers due, leaving out the numbers still being written. */
  private List<Subscriber> dueExcept(Instant now, Set<Msisdn> writing, int limit) {
    if (writing.isEmpty()) {
      return subscribers.dueForCycle(now, limit);
    }
    List<Subscriber> due = new ArrayList<>(limit);
    for (Subscriber subscriber : subscribers.dueForCycle(now, limit + writing.size())) {
      if (due.size() < limit && !writing.contains(subscriber.msisdn())) {
        due.add(subscriber);
      }
    }
    return due;
  }

  /** Decides the chunk in the ledger and prepares its notices; nothing of it is stored yet. */
  private Chunk decide(List<Subscriber> due, Instant now) {
    Set<TransferId> landed = landed(due);
    List<BillingItem> items = new ArrayList<>(due.size());
    for (Subscriber subscriber : due) {
      items.add(item(subscriber, landed));
    }
    chargeFees(items);
    recordDues(items);
    return new Chunk(items, notices(items, now));
  }

  /**
   * What goes out before a chunk's subscribers move on: notices, and the emergency-credit offers of
   * the numbers it bars. An offer whose bar is then not written finds the number not barred and
   * does nothing; a re-run schedules the same ids.
   */
  private void announce(Chunk decided, Instant now) {
    notices.enqueue(decided.messages);
    offers.schedule(
        decided.items.stream()
            .filter(item -> item.step == Step.BAR)
            .map(item -> offers.offer(item.subscriber.msisdn(), item.cycle.toString(), now))
            .toList());
  }

  /**
   * Which of the chunk's earlier decisions are committed: for ACTIVE subscribers the cycle's {@code
   * due:} transfer, for BARRED_ARREARS ones its {@code fee:} transfer. One query for the whole
   * chunk.
   */
  private Set<TransferId> landed(List<Subscriber> due) {
    List<TransferId> earlier = new ArrayList<>(due.size());
    for (Subscriber subscriber : due) {
      switch (subscriber.state()) {
        case ACTIVE, EMERGENCY_CREDIT -> earlier.add(decisionId("due", subscriber));
        case BARRED_ARREARS -> earlier.add(decisionId("fee", subscriber));
        case SUSPENDED_VOLUNTARY, PORTED_OUT, CLOSED -> {}
      }
    }
    Set<TransferId> landed = new HashSet<>();
    for (Transfer transfer : committed.transfers(earlier)) {
      landed.add(transfer.id());
    }
    return landed;
  }

  private TransferId decisionId(String kind, Subscriber subscriber) {
    LocalDate cycle = cycles.dateOf(subscriber.nextCycleAt());
    return TransferIds.of(kind, subscriber.msisdn().digits(), cycle.toString());
  }

  private static IllegalStateException unknownPlan(Subscriber subscriber) {
    return new IllegalStateException(
        subscriber.msisdn() + " has unknown plan " + subscriber.planId());
  }

  /** The first step for a subscriber, following what an interrupted run already committed. */
  private BillingItem item(Subscriber subscriber, Set<TransferId> landed) {
    Plan plan = plans.get().find(subscriber.planId()).orElseThrow(() -> unknownPlan(subscriber));
    LocalDate cycle = cycles.dateOf(subscriber.nextCycleAt());
    Step step =
        switch (subscriber.state()) {
          case ACTIVE, EMERGENCY_CREDIT ->
              landed.contains(decisionId("due", subscriber)) ? Step.BAR : Step.CHARGE;
          case BARRED_ARREARS ->
              landed.contains(decisionId("fee", subscriber)) ? Step.CHARGED : Step.RECORD_DUE;
          case SUSPENDED_VOLUNTARY, PORTED_OUT, CLOSED -> Step.SKIP;
        };
    if (plan.monthlyFeeFen() <= 0) {
      step = Step.SKIP;
    }
    return new BillingItem(subscriber, plan, cycle, step);
  }

  /** Charges every fee to try in one submit; a short balance turns the item into a bar. */
  private void chargeFees(List<BillingItem> items) {
    List<BillingItem> charging = items.stream().filter(i -> i.step == Step.CHARGE).toList();
    List<TransferRequest> requests = new ArrayList<>(charging.size());
    for (BillingItem item : charging) {
      requests.add(accounts.chargeFee(item.subscriber, item.plan.monthlyFeeFen(), item.cycle));
    }
    List<TransferResult> results = submit(requests);
    for (int i = 0; i < charging.size(); i++) {
      BillingItem item = charging.get(i);
      switch (results.get(i)) {
        case TransferResult.Accepted accepted -> item.step = Step.CHARGED;
        case TransferResult.Rejected rejected -> item.step = afterRefusedFee(rejected);
      }
    }
  }

  /**
   * The chunk's notices, for one outbox write: the fee charged (and a warning when what is left
   * will not pay the next fee), or the bar.
   */
  private List<OutboxMessage> notices(List<BillingItem> items, Instant now) {
    Map<BillingItem, CompletableFuture<Optional<Account>>> balances = new HashMap<>();
    for (BillingItem item : items) {
      if (item.step == Step.CHARGED) {
        balances.put(item, ledger.account(item.subscriber.moneyAccount()));
      }
    }
    for (BillingItem item : items) {
      switch (item.step) {
        case CHARGED -> {
          notices.feeCharged(item.subscriber, item.plan, item.cycle, now);
          long left = balances.get(item).join().map(Account::creditBalance).orElse(0L);
          if (left < item.plan.monthlyFeeFen()) {
            LocalDate next = cycles.dateOf(item.subscriber.nextCycle(cycles).nextCycleAt());
            notices.balanceLow(item.subscriber, item.plan, item.cycle, left, next, now);
          }
        }
        case BAR -> notices.barred(item.subscriber, item.plan, item.cycle, now);
        case CHARGE, RECORD_DUE, SKIP -> {}
      }
    }
    return notices.drain();
  }

  /** Records every fee that stays due in one submit. */
  private void recordDues(List<BillingItem> items) {
    List<TransferRequest> requests = new ArrayList<>();
    for (BillingItem item : items) {
      if (item.step == Step.BAR || item.step == Step.RECORD_DUE) {
        requests.add(accounts.recordDue(item.subscriber, item.plan.monthlyFeeFen(), item.cycle));
      }
    }
    for (TransferResult result : submit(requests)) {
      if (result instanceof TransferResult.Rejected rejected
          && rejected.reason() != TransferRejection.EXISTS_WITH_DIFFERENT_FIELDS) {
        throw refused(rejected);
      }
    }
  }

  /** Moves every subscriber of the chunk to its next cycle (barring where due) in one write. */
  private void store(List<BillingItem> items, Instant now) {
    List<SubscriberUpdate> updates = new ArrayList<>(items.size());
    for (BillingItem item : items) {
      Subscriber subscriber = item.subscriber;
      if (item.step != Step.BAR) {
        updates.add(SubscriberUpdate.of(subscriber.nextCycle(cycles)));
        continue;
      }
      switch (subscriber.change(StateChangeReason.FEE_UNPAID, now)) {
        case StateChangeResult.Changed changed ->
            updates.add(
                new SubscriberUpdate(
                    changed.subscriber().nextCycle(cycles), List.of(changed.change())));
        case StateChangeResult.Unchanged unchanged ->
            updates.add(SubscriberUpdate.of(unchanged.subscriber().nextCycle(cycles)));
        case StateChangeResult.Refused refused -> {
          LOG.warning(
              () -> subscriber.msisdn() + " could not be barred from " + subscriber.state());
          updates.add(SubscriberUpdate.of(subscriber.nextCycle(cycles)));
        }
      }
    }
    List<SubscriberUpdateResult> results = subscribers.updateAll(updates);
    List<Subscriber> written = new ArrayList<>(results.size());
    for (SubscriberUpdateResult result : results) {
      switch (result) {
        case SubscriberUpdateResult.Updated updated -> written.add(updated.subscriber());
        case SubscriberUpdateResult.Stale stale ->
            // Changed meanwhile: the next chunk reads it again and follows the ledger.
            LOG.fine(() -> stale.msisdn() + " changed during the billing run; retried");
        case SubscriberUpdateResult.NotFound notFound ->
            LOG.warning(() -> notFound.msisdn() + " vanished during the billing run");
      }
    }
    // A payment may have settled the fee after it was recorded as due, and seen the number still
    // ACTIVE: re-read what is due after the bar is written.
    reopening.reopenAllIfPaid(written);
  }

  /** A short balance bars; an id committed with other fields (the plan changed) was charged. */
  private static Step afterRefusedFee(TransferResult.Rejected rejected) {
    if (rejected.reason() == TransferRejection.EXCEEDS_CREDITS) {
      return Step.BAR;
    }
    if (rejected.reason() == TransferRejection.EXISTS_WITH_DIFFERENT_FIELDS) {
      return Step.CHARGED;
    }
    throw refused(rejected);
  }

  private List<TransferResult> submit(List<TransferRequest> requests) {
    return requests.isEmpty() ? List.of() : ledger.submit(requests).join();
  }

  private static IllegalStateException refused(TransferResult.Rejected rejected) {
    return new IllegalStateException(
        "billing transfer " + rejected.id() + " refused: " + rejected.reason());
  }

  /** A decided chunk: its items and the notices to enqueue before its subscribers move on. */
  private record Chunk(List<BillingItem> items, List<OutboxMessage> messages) {}
}
