package org.telco.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.AccountResult;
import org.telco.ledger.Ledger;
import org.telco.ledger.NewAccount;
import org.telco.ledger.Transfer;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;

/** The commands a shard understands, one small class each. */
final class LedgerCommands {
  private LedgerCommands() {}

  /** A command whose result is also told to a listener once committed, before it is answered. */
  abstract static class Reported<R> extends ShardCommand<R> {
    private final Consumer<R> onCommitted;

    Reported(Consumer<R> onCommitted) {
      this.onCommitted = onCommitted;
    }

    @Override
    void acknowledge() {
      onCommitted.accept(result());
      super.acknowledge();
    }
  }

  /** Opens accounts. */
  static final class Open extends Reported<List<AccountResult>> {
    private final List<NewAccount> accounts;

    Open(List<NewAccount> accounts, Consumer<List<AccountResult>> onCommitted) {
      super(onCommitted);
      this.accounts = accounts;
    }

    @Override
    int weight() {
      return accounts.size();
    }

    @Override
    List<AccountResult> run(Ledger ledger, Instant now) {
      return ledger.open(accounts, now);
    }
  }

  /** Submits transfers; tells the router where accepted pending transfers live. */
  static final class Submit extends Reported<List<TransferResult>> {
    private final List<TransferRequest> requests;

    Submit(List<TransferRequest> requests, Consumer<List<TransferResult>> onCommitted) {
      super(onCommitted);
      this.requests = requests;
    }

    @Override
    int weight() {
      return requests.size();
    }

    @Override
    List<TransferResult> run(Ledger ledger, Instant now) {
      return ledger.submit(requests, now);
    }
  }

  /**
   * Expires a pending transfer; with {@code recall} off (a timer row written before the expiry
   * schedule), one no longer held is answered without a store read.
   */
  static final class Expire extends ShardCommand<TransferResult> {
    private final TransferId pendingId;
    private final boolean recall;

    Expire(TransferId pendingId, boolean recall) {
      this.pendingId = pendingId;
      this.recall = recall;
    }

    @Override
    int weight() {
      return 1;
    }

    @Override
    TransferResult run(Ledger ledger, Instant now) {
      return recall ? ledger.expire(pendingId, now) : ledger.expireIfHeld(pendingId, now);
    }
  }

  /**
   * Expires up to {@code max} of the shard's pending transfers whose timeout has passed, earliest
   * first ({@link Ledger#expireDue}); tells the router once their voids are committed.
   */
  static final class ExpireDue extends Reported<List<TransferResult>> {
    private final int max;

    ExpireDue(int max, Consumer<List<TransferResult>> onCommitted) {
      super(onCommitted);
      this.max = max;
    }

    @Override
    int weight() {
      return max;
    }

    @Override
    List<TransferResult> run(Ledger ledger, Instant now) {
      return ledger.expireDue(now, max);
    }
  }

  /** Reads an account; answered after the commands before it are durable. */
  static final class Read extends ShardCommand<Optional<Account>> {
    @Override
    boolean readsOnly() {
      return true;
    }

    private final AccountId id;

    Read(AccountId id) {
      this.id = id;
    }

    @Override
    int weight() {
      return 1;
    }

    @Override
    Optional<Account> run(Ledger ledger, Instant now) {
      return ledger.account(id);
    }
  }

  /** Reads several accounts of the shard, in order; answered as {@link Read} is. */
  static class ReadAll extends ShardCommand<List<Optional<Account>>> {
    @Override
    boolean readsOnly() {
      return true;
    }

    private final List<AccountId> ids;

    ReadAll(List<AccountId> ids) {
      this.ids = List.copyOf(ids);
    }

    final List<AccountId> ids() {
      return ids;
    }

    @Override
    int weight() {
      return ids.size();
    }

    @Override
    List<Optional<Account>> run(Ledger ledger, Instant now) {
      List<Optional<Account>> found = new ArrayList<>(ids.size());
      for (AccountId id : ids) {
        found.add(ledger.account(id));
      }
      return found;
    }
  }

  /**
   * Reads accounts as {@link ReadAll} does, and has the shard follow them from then on: when the
   * read is answered, their committed balances are published ({@link Shard#follow}), and every
   * later commit keeps them current. The answer comes either before any change of the batch or
   * after its commit, so the ledger then holds exactly what is committed.
   */
  static final class Follow extends ReadAll {
    private final Consumer<Account> follow;
    private Ledger ledger;

    Follow(List<AccountId> ids, Consumer<Account> follow) {
      super(ids);
      this.follow = follow;
    }

    @Override
    List<Optional<Account>> run(Ledger ledger, Instant now) {
      this.ledger = ledger;
      return super.run(ledger, now);
    }

    @Override
    void acknowledge() {
      for (AccountId id : ids()) {
        ledger.account(id).ifPresent(follow);
      }
      super.acknowledge();
    }
  }

  /**
   * Reads an account's newest transfers from the shard's memory; empty when the shard holds fewer
   * than asked and older ones exist, which the caller then reads from the store.
   */
  static final class History extends ShardCommand<Optional<List<Transfer>>> {
    @Override
    boolean readsOnly() {
      return true;
    }

    private final AccountId id;
    private final int limit;

    History(AccountId id, int limit) {
      this.id = id;
      this.limit = limit;
    }

    @Override
    int weight() {
      return 1;
    }

    @Override
    Optional<List<Transfer>> run(Ledger ledger, Instant now) {
      return ledger.holdsNewestOf(id, limit)
          ? Optional.of(ledger.transfersOf(id, limit))
          : Optional.empty();
    }
  }

  /** Checks the shard's invariants; fails the command if one is broken. */
  static final class CheckInvariants extends ShardCommand<Boolean> {
    @Override
    boolean readsOnly() {
      return true;
    }

    @Override
    int weight() {
      return 1;
    }

    @Override
    Boolean run(Ledger ledger, Instant now) {
      ledger.checkInvariants();
      return Boolean.TRUE;
    }
  }
}
