package org.telco.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The in-memory double-entry state machine of one shard. It decides every request alone and at
 * once, so it stays fast and deterministic; durability is the caller's job, through {@link
 * #drainChanges()} and a {@link LedgerStore}, and a restart rebuilds it with {@link #restore}. Not
 * thread-safe: one shard thread owns it. docs/ledger.md explains the model.
 *
 * <p>It holds every account, every pending transfer still pending, and a <b>window</b> of the
 * newest committed transfers ({@link LedgerState}); a request that names an older one is answered
 * from the store through its {@link Recall}.
 */
public final class Ledger {
  /**
   * Transfers held by default: about 80 MB at some 300 bytes each, and at a charging node's rate of
   * a few thousand transfers a second, the last minute or two.
   */
  public static final int DEFAULT_WINDOW = 262_144;

  private final LedgerState state;
  private final Recall recall;
  private final LinkedChain chain = new LinkedChain();
  private final TransferDecision decision;

  private Ledger(int window, Recall recall) {
    this.state = new LedgerState(window);
    this.recall = Objects.requireNonNull(recall, "recall");
    this.decision = new TransferDecision(state.accounts, state.transfers, state.pendings, recall);
  }

  /** A ledger with no accounts and no transfers, holding the default window. */
  public static Ledger empty() {
    return new Ledger(DEFAULT_WINDOW, Recall.NOTHING);
  }

  /**
   * A ledger with no accounts and no transfers.
   *
   * @param window how many of the newest transfers it holds
   * @param recall where it finds the older ones
   */
  public static Ledger empty(int window, Recall recall) {
    return new Ledger(window, recall);
  }

  /**
   * Rebuilds a ledger from committed state. Balances are taken from the accounts as stored, never
   * re-applied; transfers are indexed in commit order so that posts, voids and expiries give every
   * pending transfer its status again.
   *
   * @throws IllegalStateException when the snapshot contradicts itself
   */
  public static Ledger restore(LedgerSnapshot snapshot) {
    return restore(snapshot, DEFAULT_WINDOW, Recall.NOTHING);
  }

  /**
   * Rebuilds a ledger from committed state, as {@link #restore(LedgerSnapshot)}, holding the newest
   * {@code window} transfers and recalling older ones through {@code recall}.
   */
  public static Ledger restore(LedgerSnapshot snapshot, int window, Recall recall) {
    Ledger ledger = new Ledger(window, recall);
    ledger.state.load(snapshot);
    return ledger;
  }

  /**
   * Opens accounts, one result per request in order. Opening an existing account again with the
   * same definition is a success (replayed); with a different one it is rejected.
   */
  public List<AccountResult> open(List<NewAccount> requests, Instant now) {
    Objects.requireNonNull(now, "now");
    List<AccountResult> results = new ArrayList<>(requests.size());
    for (NewAccount request : requests) {
      Balances existing = state.accounts.get(request.id());
      if (existing == null) {
        Account account = Account.opened(request, now);
        state.open(account);
        results.add(new AccountResult.Opened(account, false));
      } else if (existing.sameDefinitionAs(request)) {
        results.add(new AccountResult.Opened(existing.snapshot(), true));
      } else {
        results.add(
            new AccountResult.Rejected(
                request.id(), AccountRejection.EXISTS_WITH_DIFFERENT_FIELDS));
      }
    }
    return Collections.unmodifiableList(results);
  }

  /**
   * Decides and applies transfers in order, one result per request. A linked chain commits entirely
   * or not at all: when a member fails it keeps its own reason, the rest of the chain gets {@link
   * TransferRejection#LINKED_EVENT_FAILED}, and whatever the chain had applied is undone. A chain
   * still open at the end fails, its last request getting {@link
   * TransferRejection#LINKED_EVENT_CHAIN_OPEN}.
   */
  public List<TransferResult> submit(List<TransferRequest> requests, Instant now) {
    Objects.requireNonNull(now, "now");
    int count = requests.size();
    TransferResult[] results = new TransferResult[count];
    try {
      for (int i = 0; i < count; i++) {
        TransferRequest request = requests.get(i);
        boolean linked = request.has(TransferFlag.LINKED);
        if (linked && !chain.isOpen()) {
          chain.open(i, state.changes.mark());
        }
        if (linked && i == count - 1) {
          results[i] = rejected(request.id(), TransferRejection.LINKED_EVENT_CHAIN_OPEN);
          failChain(results, i);
        } else if (chain.isOpen() && chain.failed()) {
          results[i] = rejected(request.id(), TransferRejection.LINKED_EVENT_FAILED);
        } else {
          results[i] = execute(request, now);
          if (chain.isOpen() && results[i] instanceof TransferResult.Rejected) {
            failChain(results, i);
          }
        }
        if (!linked) {
          chain.close();
        }
      }
    } finally {
      // A chain never outlives its submission, even when a request throws.
      chain.close();
    }
    return List.of(results);
  }

  private TransferResult execute(TransferRequest request, Instant now) {
    TransferResult result = decision.decide(request, now);
    if (result instanceof TransferResult.Accepted accepted && !accepted.replayed()) {
      state.commit(accepted.transfer(), false);
      if (chain.isOpen()) {
        chain.applied(accepted.transfer());
      }
    }
    return result;
  }

  private void failChain(TransferResult[] results, int failedIndex) {
    if (chain.failed()) {
      return;
    }
    for (Transfer applied : chain.fail()) {
      state.revert(applied);
    }
    state.changes.rollBackTo(chain.mark());
    for (int i = chain.start(); i < failedIndex; i++) {
      results[i] = rejected(results[i].id(), TransferRejection.LINKED_EVENT_FAILED);
    }
  }

  /**
   * Expires every pending transfer whose timeout has passed at {@code now}, earliest first, at most
   * {@code max} of them: what a shard runs on each tick of its node's timer loop. Each expiry is
   * committed as {@link #expire} commits it and drained with the next batch.
   *
   * @return the voids committed, in order; fewer than {@code max} means none is left due
   */
  public List<TransferResult> expireDue(Instant now, int max) {
    Objects.requireNonNull(now, "now");
    if (max < 1) {
      throw new IllegalArgumentException("expire at least one at a time: " + max);
    }
    List<TransferResult> expired = new ArrayList<>();
    for (Transfer pending : state.pendings.due(now, max)) {
      expired.add(commitExpiry(pending, now));
    }
    return expired;
  }

  /**
   * Expires a pending transfer whose timeout has passed: commits a void (flags VOID_PENDING, code
   * 0) that releases the reservation, and marks it EXPIRED. The void's id is {@code
   * expiry:<pendingId>}, or another deterministic {@code expiry:} id when a client already used
   * that one (or the pending id is too long for it).
   *
   * <p>Idempotent, keyed by the pending transfer's status rather than by id: once expired, every
   * later call answers with the same void, replayed. Otherwise, with the preferred expiry id:
   * PENDING_TRANSFER_ALREADY_POSTED or _VOIDED when a client resolved it first (the timer can be
   * dropped); PENDING_TRANSFER_NOT_FOUND when no such transfer exists; PENDING_TRANSFER_NOT_PENDING
   * when it is not a pending transfer, never expires, or is not due yet at {@code now} (see {@link
   * #pendingExpiries()} for when it is due). {@link #expireDue} finds the due ones itself; this is
   * for a caller that names one, such as a timer row written by a version that kept one per
   * reservation.
   */
  public TransferResult expire(TransferId pendingId, Instant now) {
    return expire(pendingId, now, true);
  }

  /**
   * Expires a pending transfer as {@link #expire} does, but answers PENDING_TRANSFER_NOT_FOUND at
   * once for one the ledger no longer holds instead of asking the store how it ended. Pending
   * transfers still pending are always held, so there is nothing to expire either way; this is for
   * timer rows written before the expiry schedule, one per pending transfer, which fire mostly long
   * after a client resolved it and only need to know that nothing is left to do.
   */
  public TransferResult expireIfHeld(TransferId pendingId, Instant now) {
    return expire(pendingId, now, false);
  }

  private TransferResult expire(TransferId pendingId, Instant now, boolean recallIfGone) {
    Objects.requireNonNull(now, "now");
    TransferId preferred = ExpiryIds.candidate(pendingId, 0);
    PendingTransfer entry = state.pendings.get(pendingId);
    if (entry == null) {
      return recallIfGone
          ? expiredLongAgo(pendingId, preferred)
          : rejected(preferred, TransferRejection.PENDING_TRANSFER_NOT_FOUND);
    }
    return switch (entry.status()) {
      case PENDING ->
          entry.isDue(now)
              ? commitExpiry(entry.transfer(), now)
              : rejected(preferred, TransferRejection.PENDING_TRANSFER_NOT_PENDING);
      case POSTED -> rejected(preferred, TransferRejection.PENDING_TRANSFER_ALREADY_POSTED);
      case VOIDED -> rejected(preferred, TransferRejection.PENDING_TRANSFER_ALREADY_VOIDED);
      case EXPIRED -> new TransferResult.Accepted(entry.resolution(), true);
    };
  }

  /**
   * {@link #expire} of a pending transfer the ledger no longer holds: the store says how it ended.
   */
  private TransferResult expiredLongAgo(TransferId pendingId, TransferId preferred) {
    Transfer pending = decision.heldOrStored(pendingId);
    TransferRejection notPending = TransferDecision.unlessPendingTransfer(pending);
    if (notPending != null) {
      return rejected(preferred, notPending);
    }
    Optional<Transfer> resolution = recall.resolutionOf(pendingId);
    if (resolution.isEmpty()) {
      return rejected(preferred, TransferRejection.PENDING_TRANSFER_NOT_FOUND);
    }
    PendingStatus status = Resolutions.statusOf(pending, resolution.get());
    return status == PendingStatus.EXPIRED
        ? new TransferResult.Accepted(resolution.get(), true)
        : rejected(preferred, TransferDecision.rejectionFor(status));
  }

  private TransferResult commitExpiry(Transfer pending, Instant now) {
    TransferId id = ExpiryIds.candidate(pending.id(), 0);
    for (int attempt = 1; state.transfers.containsKey(id); attempt++) {
      id = ExpiryIds.candidate(pending.id(), attempt);
    }
    Transfer expiry =
        new Transfer(
            id,
            pending.debitAccountId(),
            pending.creditAccountId(),
            pending.amount(),
            pending.id(),
            Set.of(TransferFlag.VOID_PENDING),
            0,
            0,
            pending.asset(),
            now);
    state.commit(expiry, true);
    return new TransferResult.Accepted(expiry, false);
  }

  /** The account as it stands now. */
  public Optional<Account> account(AccountId id) {
    Balances account = state.accounts.get(id);
    return account == null ? Optional.empty() : Optional.of(account.snapshot());
  }

  /** A committed transfer, if the ledger still holds it (see {@link Recall} for older ones). */
  public Optional<Transfer> transfer(TransferId id) {
    return Optional.ofNullable(state.transfers.get(id));
  }

  /**
   * The transfers that debited or credited the account and that the ledger holds, newest first;
   * empty for an unknown account. Complete when {@link #holdsNewestOf} says so.
   */
  public List<Transfer> transfersOf(AccountId id, int limit) {
    Balances account = state.accounts.get(id);
    return account == null ? List.of() : account.history.newest(limit);
  }

  /**
   * Whether {@link #transfersOf} gives the account's {@code limit} newest transfers in full: it
   * holds that many, or the account has none older than those it holds. When not, the store has the
   * rest.
   */
  public boolean holdsNewestOf(AccountId id, int limit) {
    Balances account = state.accounts.get(id);
    return account == null || !account.history.olderInStore() || account.history.size() >= limit;
  }

  /**
   * Holds transfers found in the store again, so that requests reusing their ids are answered as
   * retries of them; for a shard whose commit found ids older than the window in use.
   */
  public void recall(Collection<Transfer> found) {
    state.recall(found);
  }

  /**
   * Takes back a batch from {@link #drainChanges()} that the store refused to commit, so the ledger
   * is again what the store holds; the commands can then be applied again. Only the last batch
   * drained, and only before {@link #trimWindow()}.
   */
  public void undo(LedgerBatch refused) {
    state.undo(refused);
  }

  /**
   * Lets the oldest transfers leave the window until it holds no more than its size. Call it once
   * the drained changes are durable: until then every transfer of the batch stays held, so a retry
   * within the batch is a replay and {@link #undo} can take the batch back.
   */
  public void trimWindow() {
    state.evictBeyondWindow();
  }

  /** How many committed transfers the ledger holds by id now (at most its window). */
  public int heldTransfers() {
    return state.windowed();
  }

  /** The ids of the pending transfers still pending, for routing their posts and voids. */
  public List<TransferId> openPendings() {
    return state.pendings.openIds();
  }

  /**
   * Where a pending transfer stands; empty when the id names no pending transfer, or one resolved
   * so long ago that it has left the window.
   */
  public Optional<PendingStatus> pendingStatus(TransferId id) {
    PendingTransfer entry = state.pendings.get(id);
    return entry == null ? Optional.empty() : Optional.of(entry.status());
  }

  /** Snapshots of every account, ordered by id. */
  public Collection<Account> accounts() {
    List<Account> snapshots = new ArrayList<>(state.accounts.size());
    for (Balances account : state.accounts.values()) {
      snapshots.add(account.snapshot());
    }
    snapshots.sort(Comparator.comparing(Account::id));
    return Collections.unmodifiableList(snapshots);
  }

  /**
   * The expiry schedule: every pending transfer still pending that has a timeout, earliest first.
   * {@link #expireDue} works through it; a restore rebuilds it from the pending transfers.
   */
  public List<PendingExpiry> pendingExpiries() {
    return List.copyOf(state.pendings.scheduledExpiries());
  }

  /**
   * Everything that changed since the previous drain, for the store to commit: opened accounts,
   * committed transfers in order, and each touched account once with its current balances. Members
   * of rolled-back chains never appear.
   */
  public LedgerBatch drainChanges() {
    return state.changes.drain();
  }

  /**
   * Checks that, per asset, posted debits equal posted credits and pending debits equal pending
   * credits, that no account breaches its limit flag, and that the expiry schedule holds exactly
   * the pending transfers still pending that have a timeout. Linear in the number of accounts and
   * pending transfers; meant for tests and startup.
   *
   * @throws IllegalStateException naming the first invariant that does not hold
   */
  public void checkInvariants() {
    Conservation.check(state.accounts.values());
    state.pendings.checkSchedule();
  }

  private static TransferResult rejected(TransferId id, TransferRejection reason) {
    return new TransferResult.Rejected(id, reason);
  }
}
