package org.telco.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.logging.Logger;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.AccountResult;
import org.telco.ledger.Asset;
import org.telco.ledger.Ledger;
import org.telco.ledger.LedgerSnapshot;
import org.telco.ledger.LedgerStore;
import org.telco.ledger.NewAccount;
import org.telco.ledger.Recall;
import org.telco.ledger.Transfer;
import org.telco.ledger.TransferFlag;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;

/**
 * The ledger as the rest of the platform uses it: accounts split over single-writer {@link Shard}s
 * by id, each shard applying commands in order and group-committing them.
 *
 * <p>An account lives on the shard of its family ({@link ShardRouting}). A transfer and every
 * member of its linked chain must stay on one shard; a chain that would span two is rejected with
 * {@code ACCOUNTS_ON_DIFFERENT_SHARDS} before any shard sees it. Posts and voids that name only a
 * pending transfer are routed to the shard where that pending transfer was committed while it is
 * pending; once it is resolved they go to shard 0, which answers them from the store (a retry is
 * replayed, anything else learns how the pending transfer ended).
 *
 * <p>Every answer arrives after the change is durable in the store.
 */
public final class ShardedLedger implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ShardedLedger.class.getName());

  private final LedgerStore store;
  private final ShardRouting routing;

  /** Reads history older than the shards' windows; two at a time, so commits keep their pool. */
  private final ExecutorService storeReads =
      Executors.newFixedThreadPool(
          2, Thread.ofPlatform().daemon().name("ledger-history-", 0).factory());

  private final Shard[] shards;
  private final Thread[] threads;
  private final ConcurrentMap<TransferId, Integer> pendingShards = new ConcurrentHashMap<>();
  private final ConcurrentMap<AccountId, Asset> knownAccounts = new ConcurrentHashMap<>();

  private ShardedLedger(LedgerStore store, Clock clock, EngineSettings settings) {
    int count = settings.shardCount();
    int window = settings.transferWindow();
    Recall recall = Recall.from(store);
    this.store = store;
    this.routing = new ShardRouting(count);
    // Each shard holds its own window; the store picks for all of them at once.
    int picked = (int) Math.min(Integer.MAX_VALUE, (long) window * count);
    LedgerSnapshot snapshot = store.load(picked);
    List<LedgerSnapshot> slices = routing.split(snapshot);
    for (Account account : snapshot.accounts()) {
      knownAccounts.put(account.id(), account.asset());
    }
    shards = new Shard[count];
    threads = new Thread[count];
    for (int i = 0; i < count; i++) {
      int index = i;
      Ledger ledger = routed(Ledger.restore(slices.get(i), window, recall), i);
      ledger.checkInvariants();
      shards[i] =
          new Shard(
              i,
              ledger,
              store,
              clock,
              () ->
                  routed(
                      Ledger.restore(routing.split(store.load(picked)).get(index), window, recall),
                      index),
              settings);
      threads[i] = Thread.ofPlatform().name("ledger-shard-" + i).start(shards[i]);
    }
  }

  /**
   * Routes the pending transfers still pending on a (re)built shard to it: a rebuild after a commit
   * whose answer was lost may hold pending transfers no caller has heard of, and a post, a void or
   * a timer row written before the expiry schedule must still find them.
   */
  private Ledger routed(Ledger ledger, int shard) {
    for (TransferId open : ledger.openPendings()) {
      pendingShards.put(open, shard);
    }
    return ledger;
  }

  /**
   * Rebuilds the ledger from the store and starts the shard threads.
   *
   * @throws IllegalStateException if the stored state breaks an invariant
   */
  public static ShardedLedger start(LedgerStore store, Clock clock, EngineSettings settings) {
    return new ShardedLedger(store, clock, settings);
  }

  /** Opens accounts, each on its own shard; results come back in request order. */
  public CompletableFuture<List<AccountResult>> open(List<NewAccount> accounts) {
    List<List<Integer>> positions = routing.emptyPerShard();
    List<List<NewAccount>> perShard = routing.emptyPerShard();
    for (int i = 0; i < accounts.size(); i++) {
      int shard = routing.shardOf(accounts.get(i).id());
      positions.get(shard).add(i);
      perShard.get(shard).add(accounts.get(i));
    }
    List<CompletableFuture<List<AccountResult>>> answers = new ArrayList<>();
    for (int s = 0; s < shards.length; s++) {
      answers.add(
          perShard.get(s).isEmpty()
              ? CompletableFuture.completedFuture(List.of())
              : shards[s]
                  .enqueue(new LedgerCommands.Open(perShard.get(s), this::rememberOpened))
                  .answer());
    }
    return ShardRouting.merge(answers, positions, accounts.size());
  }

  /** Submits transfers; results come back in request order, each after its commit. */
  public CompletableFuture<List<TransferResult>> submit(List<TransferRequest> requests) {
    if (shards.length == 1) {
      return shards[0].enqueue(new LedgerCommands.Submit(requests, this::remember)).answer();
    }
    ChainRouting plan = new ChainRouting(routing, pendingShards, knownAccounts);
    plan.route(requests);
    List<CompletableFuture<List<TransferResult>>> answers = new ArrayList<>();
    for (int s = 0; s < shards.length; s++) {
      List<TransferRequest> slice = plan.requestsFor(s);
      answers.add(
          slice.isEmpty()
              ? CompletableFuture.completedFuture(List.of())
              : shards[s].enqueue(new LedgerCommands.Submit(slice, this::remember)).answer());
    }
    return plan.merge(answers);
  }

  /**
   * Expires, on every shard, the pending transfers whose timeout has passed by the engine's clock,
   * at most {@code maxPerShard} per shard, earliest first. A node calls it on each tick of its
   * timer loop: a shard holds every pending transfer still pending and its timeout, so no timer row
   * is written per reservation. A shard that cannot expire now (its batch failed, or it is
   * rebuilding or stopped) adds nothing and is asked again on the next tick; its failure is logged,
   * not passed on, so that it never holds back the rest of the loop.
   *
   * @return the voids committed, each after its commit; when a shard expired {@code maxPerShard},
   *     more may be due
   */
  public CompletableFuture<List<TransferResult>> expireDue(int maxPerShard) {
    List<CompletableFuture<List<TransferResult>>> answers = new ArrayList<>(shards.length);
    for (Shard shard : shards) {
      answers.add(
          shard
              .enqueue(new LedgerCommands.ExpireDue(maxPerShard, this::remember))
              .answer()
              .exceptionally(
                  failure -> {
                    LOG.warning(() -> "a shard could not expire reservations now: " + failure);
                    return List.of();
                  }));
    }
    return CompletableFuture.allOf(answers.toArray(CompletableFuture<?>[]::new))
        .thenApply(
            done -> {
              List<TransferResult> expired = new ArrayList<>();
              answers.forEach(answer -> expired.addAll(answer.join()));
              return expired;
            });
  }

  /**
   * Expires a pending transfer whose timeout has passed; idempotent. For one resolved long ago, the
   * answer says how it ended (read from the store).
   */
  public CompletableFuture<TransferResult> expire(TransferId pendingId) {
    return expire(pendingId, true);
  }

  /**
   * Expires a pending transfer for a timer row written by a version that kept one per reservation
   * (before {@link #expireDue}): as {@link #expire}, but a pending transfer the ledger no longer
   * holds is answered PENDING_TRANSFER_NOT_FOUND without asking the store (it ended long ago;
   * nothing is left to expire). Such rows fire for every pending transfer, mostly long after it was
   * posted or voided, and must not cost a store read each.
   */
  public CompletableFuture<TransferResult> expireForTimer(TransferId pendingId) {
    return expire(pendingId, false);
  }

  private CompletableFuture<TransferResult> expire(TransferId pendingId, boolean recall) {
    int shard = pendingShards.getOrDefault(pendingId, 0);
    return shards[shard]
        .enqueue(new LedgerCommands.Expire(pendingId, recall))
        .answer()
        .whenComplete(
            (result, failure) -> {
              if (result instanceof TransferResult.Accepted) {
                pendingShards.remove(pendingId);
              }
            });
  }

  /** An account as of every command answered before this call. */
  public CompletableFuture<Optional<Account>> account(AccountId id) {
    int shard = routing.shardOf(id);
    return shards[shard].enqueue(new LedgerCommands.Read(id)).answer();
  }

  /**
   * Accounts as of every command answered before this call, in the order of {@code ids} (empty
   * where unknown). One command per shard, where {@link #account} is one per account: an offer
   * batch reading thousands of balances costs each shard one queue entry and one answer.
   */
  public CompletableFuture<List<Optional<Account>>> accounts(List<AccountId> ids) {
    return readAll(ids, (shard, slice) -> new LedgerCommands.ReadAll(slice));
  }

  /**
   * Accounts as last committed, in the order of {@code ids} (empty where unknown), each reflecting
   * every command answered before the call. Accounts read this way before are answered from
   * balances their shards publish after each commit, without a turn in the queue; the others are
   * read through it and published from then on. Unlike {@link #accounts}, the accounts are not read
   * at one point of their shard's order: a commit may land between two of them. For a busy path
   * that reads the same accounts on every request, online charging's quota planning: there a turn
   * in the queue, a hand-off to the shard's thread and back, costs far more than the read itself.
   */
  public CompletableFuture<List<Optional<Account>>> committedAccounts(List<AccountId> ids) {
    List<Optional<Account>> found = new ArrayList<>(ids.size());
    for (AccountId id : ids) {
      Account account = shards[routing.shardOf(id)].committedBalance(id);
      if (account == null) {
        return readAll(ids, (shard, slice) -> new LedgerCommands.Follow(slice, shard::follow));
      }
      found.add(Optional.of(account));
    }
    return CompletableFuture.completedFuture(found);
  }

  /** Reads accounts with one command per shard, answers in the order of {@code ids}. */
  private CompletableFuture<List<Optional<Account>>> readAll(
      List<AccountId> ids, BiFunction<Shard, List<AccountId>, LedgerCommands.ReadAll> command) {
    List<List<AccountId>> slices = new ArrayList<>(shards.length);
    for (int s = 0; s < shards.length; s++) {
      slices.add(new ArrayList<>());
    }
    int[] shardOf = new int[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      shardOf[i] = routing.shardOf(ids.get(i));
      slices.get(shardOf[i]).add(ids.get(i));
    }
    List<CompletableFuture<List<Optional<Account>>>> answers = new ArrayList<>(shards.length);
    for (int s = 0; s < shards.length; s++) {
      answers.add(
          slices.get(s).isEmpty()
              ? CompletableFuture.completedFuture(List.of())
              : shards[s].enqueue(command.apply(shards[s], slices.get(s))).answer());
    }
    return CompletableFuture.allOf(answers.toArray(CompletableFuture<?>[]::new))
        .thenApply(
            done -> {
              int[] next = new int[shards.length];
              List<Optional<Account>> found = new ArrayList<>(ids.size());
              for (int s : shardOf) {
                found.add(answers.get(s).join().get(next[s]++));
              }
              return found;
            });
  }

  /**
   * The transfers that debited or credited the account, newest first, as of every command answered
   * before this call; empty for an unknown account. Served by the account's shard when it holds
   * them all, else read from the store (which then holds everything the shard has answered).
   */
  public CompletableFuture<List<Transfer>> transfersOf(AccountId id, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    return shards[shardOf(id)]
        .enqueue(new LedgerCommands.History(id, limit))
        .answer()
        .thenCompose(
            held ->
                held.isPresent()
                    ? CompletableFuture.completedFuture(held.get())
                    : CompletableFuture.supplyAsync(
                        () -> store.transfersOf(id, limit), storeReads));
  }

  /** Checks conservation and limits on every shard; completes exceptionally if broken. */
  public CompletableFuture<Void> checkInvariants() {
    CompletableFuture<?>[] checks = new CompletableFuture<?>[shards.length];
    for (int s = 0; s < shards.length; s++) {
      checks[s] = shards[s].enqueue(new LedgerCommands.CheckInvariants()).answer();
    }
    return CompletableFuture.allOf(checks);
  }

  /** The shard an account lives on. */
  public int shardOf(AccountId id) {
    return routing.shardOf(id);
  }

  /** How many shards split the accounts. */
  public int shardCount() {
    return shards.length;
  }

  /** Per-shard group-commit counters. */
  public List<ShardStatistics> statistics() {
    List<ShardStatistics> result = new ArrayList<>();
    for (Shard shard : shards) {
      result.add(shard.statistics());
    }
    return result;
  }

  private void rememberOpened(List<AccountResult> results) {
    for (AccountResult result : results) {
      if (result instanceof AccountResult.Opened opened) {
        knownAccounts.put(opened.account().id(), opened.account().asset());
      }
    }
  }

  /**
   * Keeps the routes of pending transfers while they are pending: a post or void that names only
   * the pending transfer goes to its shard. Once resolved, the route is dropped (so the map holds
   * only open reservations); a late retry then goes to shard 0, which answers it from the store.
   */
  private void remember(List<TransferResult> results) {
    for (TransferResult result : results) {
      if (result instanceof TransferResult.Accepted accepted && !accepted.replayed()) {
        Transfer transfer = accepted.transfer();
        if (transfer.has(TransferFlag.PENDING)) {
          pendingShards.put(transfer.id(), routing.shardOf(transfer.debitAccountId()));
        } else if (transfer.pendingId() != null) {
          pendingShards.remove(transfer.pendingId());
        }
      }
    }
  }

  /** Lets queued commands finish, then stops the shard threads. */
  @Override
  public void close() {
    for (Shard shard : shards) {
      shard.stop();
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    storeReads.close();
  }
}
