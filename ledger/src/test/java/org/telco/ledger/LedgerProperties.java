package org.telco.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random sequences of account openings, transfers, pending transfers, posts, voids, expiries,
 * retries and linked chains over a few accounts of both assets. After every step the ledger must
 * conserve each asset, respect every limit, match a simple model recomputed from the committed
 * transfers, answer every retry as a replay without moving anything, never let a pending transfer
 * leave PENDING twice, and be rebuilt identically from its store.
 */
class LedgerProperties {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final AccountId UNKNOWN = new AccountId(99);
  private static final List<NewAccount> ACCOUNTS =
      List.of(
          account(1, Asset.CNY_FEN, null),
          account(2, Asset.CNY_FEN, AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
          account(3, Asset.CNY_FEN, AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS),
          account(4, Asset.DATA_BYTES, null),
          account(5, Asset.DATA_BYTES, AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
          account(6, Asset.DATA_BYTES, AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS),
          account(7, Asset.CNY_FEN, AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS));
  private static final int INITIALLY_OPEN = 6;

  /** Debit and credit account indexes that move money or data the way a telco would. */
  private static final int[][] PAIRS = {
    {0, 1}, {1, 0}, {2, 0}, {0, 2}, {3, 4}, {4, 3}, {5, 3}, {3, 5}, {0, 6}, {6, 0}
  };

  /** Account indexes, including one past the list for an account that never exists. */
  private static final int ACCOUNT_INDEXES = ACCOUNTS.size() + 1;

  /** One thing that happens to the ledger. */
  sealed interface Step {}

  /** Opens (or reopens) the {@code index}-th account, with a clashing name if asked. */
  record Open(int index, boolean clashing) implements Step {}

  /** Submits transfers in one request. */
  record Submit(List<Spec> specs) implements Step {}

  /** Fires the expiry timer of the {@code ref}-th pending transfer, twice. */
  record Expire(int ref) implements Step {}

  /** Lets time pass. */
  record Advance(int seconds) implements Step {}

  /**
   * A transfer request before ids are known.
   *
   * @param kind 0 immediate, 1 pending, 2 post, 3 void
   * @param pair which debit and credit account: a plausible pair below {@link #PAIRS}'s size, else
   *     any two account indexes (the last index is an unknown account)
   * @param amount requested amount
   * @param timeout pending timeout
   * @param ref which earlier pending transfer a post or void names
   * @param reuse which earlier id to reuse, or negative for a fresh id
   * @param options bit 0: linked, bit 1: name the accounts on a post or void
   */
  record Spec(int kind, int pair, long amount, long timeout, int ref, int reuse, int options) {}

  @Property(tries = 250)
  void everyStepKeepsTheLedgerConsistent(@ForAll("scenarios") List<Step> steps) {
    Run run = new Run();
    for (Step step : steps) {
      run.apply(step);
      run.check();
    }
  }

  @Provide
  Arbitrary<List<Step>> scenarios() {
    Arbitrary<Step> open =
        Combinators.combine(
                Arbitraries.integers().between(0, ACCOUNTS.size() - 1), Arbitraries.of(true, false))
            .as(Open::new);
    Arbitrary<Step> submit = spec().list().ofMinSize(1).ofMaxSize(4).map(Submit::new);
    Arbitrary<Step> expire = Arbitraries.integers().between(0, 20).map(Expire::new);
    Arbitrary<Step> advance = Arbitraries.integers().between(0, 60).map(Advance::new);
    return Arbitraries.frequencyOf(
            Tuple.of(1, open), Tuple.of(7, submit), Tuple.of(2, expire), Tuple.of(2, advance))
        .list()
        .ofMinSize(3)
        .ofMaxSize(30);
  }

  private static Arbitrary<Spec> spec() {
    Arbitrary<Integer> kind =
        Arbitraries.frequency(Tuple.of(3, 0), Tuple.of(3, 1), Tuple.of(2, 2), Tuple.of(1, 3));
    Arbitrary<Integer> pair =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.integers().between(0, PAIRS.length - 1)),
            Tuple.of(
                1,
                Arbitraries.integers()
                    .between(PAIRS.length, PAIRS.length + ACCOUNT_INDEXES * ACCOUNT_INDEXES - 1)));
    Arbitrary<Long> amount =
        Arbitraries.frequencyOf(
            Tuple.of(12, Arbitraries.longs().between(1, 300)),
            Tuple.of(1, Arbitraries.of(0L, -1L, Long.MAX_VALUE / 2, Long.MAX_VALUE)));
    Arbitrary<Long> timeout = Arbitraries.of(0L, 0L, 5L, 20L, 60L);
    Arbitrary<Integer> ref = Arbitraries.integers().between(0, 20);
    Arbitrary<Integer> reuse =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just(-1)), Tuple.of(1, Arbitraries.integers().between(0, 30)));
    Arbitrary<Integer> options =
        Arbitraries.frequency(Tuple.of(3, 0), Tuple.of(3, 2), Tuple.of(1, 1), Tuple.of(1, 3));
    return Combinators.combine(kind, pair, amount, timeout, ref, reuse, options).as(Spec::new);
  }

  private static NewAccount account(long id, Asset asset, AccountFlag flag) {
    return new NewAccount(
        new AccountId(id), asset, flag == null ? Set.of() : Set.of(flag), "account:" + id);
  }

  private static int debitIndex(int pair) {
    return pair < PAIRS.length ? PAIRS[pair][0] : (pair - PAIRS.length) / ACCOUNT_INDEXES;
  }

  private static int creditIndex(int pair) {
    return pair < PAIRS.length ? PAIRS[pair][1] : (pair - PAIRS.length) % ACCOUNT_INDEXES;
  }

  private static AccountId accountAt(int index) {
    return index < ACCOUNTS.size() ? ACCOUNTS.get(index).id() : UNKNOWN;
  }

  /** The ledger under test, its store, and what the test remembers about the run. */
  private static final class Run {
    private final Ledger ledger = Ledger.empty();
    private final InMemoryLedgerStore store = new InMemoryLedgerStore();
    private final List<Transfer> committed = new ArrayList<>();
    private final List<TransferId> usedIds = new ArrayList<>();
    private final List<TransferId> pendingIds = new ArrayList<>();
    private final List<TransferId> committedPendings = new ArrayList<>();
    private final Set<TransferId> expiries = new HashSet<>();
    private final Map<TransferId, PendingStatus> lastStatus = new HashMap<>();
    private final List<List<TransferRequest>> acceptedUnits = new ArrayList<>();
    private Instant now = T0;
    private int nextId;

    /** Opens most accounts and funds the customers, so that random steps mostly matter. */
    Run() {
      ledger.open(ACCOUNTS.subList(0, INITIALLY_OPEN), now);
      submit(
          List.of(
              new Spec(0, 0, 1_000, 0, 0, -1, 0),
              new Spec(0, 2, 1_000, 0, 0, -1, 0),
              new Spec(0, 4, 1_000, 0, 0, -1, 0),
              new Spec(0, 6, 1_000, 0, 0, -1, 0)));
      drainToStore();
    }

    void apply(Step step) {
      switch (step) {
        case Open open -> open(open);
        case Submit submit -> submit(submit.specs());
        case Expire expire -> expire(expiryTarget(expire.ref()));
        case Advance advance -> now = now.plusSeconds(advance.seconds());
      }
      drainToStore();
    }

    private void open(Open step) {
      NewAccount wanted = ACCOUNTS.get(step.index());
      NewAccount request =
          step.clashing()
              ? new NewAccount(wanted.id(), wanted.asset(), wanted.flags(), "clash")
              : wanted;
      Account existing = ledger.account(wanted.id()).orElse(null);
      AccountResult result = ledger.open(List.of(request), now).get(0);
      if (existing == null) {
        assertThat(result).isEqualTo(new AccountResult.Opened(Account.opened(request, now), false));
      } else if (existing.sameDefinitionAs(request)) {
        assertThat(result).isEqualTo(new AccountResult.Opened(existing, true));
      } else {
        assertThat(result)
            .isEqualTo(
                new AccountResult.Rejected(
                    wanted.id(), AccountRejection.EXISTS_WITH_DIFFERENT_FIELDS));
      }
    }

    private void submit(List<Spec> specs) {
      List<TransferRequest> requests = new ArrayList<>();
      for (Spec spec : specs) {
        requests.add(request(spec));
      }
      List<TransferResult> results = ledger.submit(requests, now);
      assertThat(results).hasSize(requests.size());
      int unitStart = 0;
      for (int i = 0; i < requests.size(); i++) {
        assertThat(results.get(i).id()).isEqualTo(requests.get(i).id());
        if (!requests.get(i).has(TransferFlag.LINKED) || i == requests.size() - 1) {
          List<TransferResult> unit = results.subList(unitStart, i + 1);
          if (unit.stream().allMatch(r -> r instanceof TransferResult.Accepted)) {
            acceptedUnits.add(List.copyOf(requests.subList(unitStart, i + 1)));
          }
          unitStart = i + 1;
        }
      }
    }

    private TransferRequest request(Spec spec) {
      TransferId id =
          spec.reuse() >= 0 && !usedIds.isEmpty()
              ? usedIds.get(spec.reuse() % usedIds.size())
              : new TransferId("t" + nextId++);
      usedIds.add(id);
      AccountId debit = accountAt(debitIndex(spec.pair()));
      AccountId credit = accountAt(creditIndex(spec.pair()));
      boolean nameAccounts = (spec.options() & 2) != 0;
      TransferRequest request =
          switch (spec.kind()) {
            case 0 -> TransferRequest.posted(id, debit, credit, spec.amount(), 0);
            case 1 -> TransferRequest.pending(id, debit, credit, spec.amount(), spec.timeout(), 0);
            default -> resolution(id, spec, nameAccounts);
          };
      if (spec.kind() == 1) {
        pendingIds.add(id);
      }
      return (spec.options() & 1) != 0 ? request.linked() : request;
    }

    private TransferRequest resolution(TransferId id, Spec spec, boolean nameAccounts) {
      TransferId pendingId = pendingAt(spec.ref());
      Transfer pending = ledger.transfer(pendingId).orElse(null);
      AccountId debit = nameAccounts && pending != null ? pending.debitAccountId() : null;
      AccountId credit = nameAccounts && pending != null ? pending.creditAccountId() : null;
      TransferFlag flag = spec.kind() == 2 ? TransferFlag.POST_PENDING : TransferFlag.VOID_PENDING;
      long amount = spec.kind() == 2 || nameAccounts ? Math.max(0, spec.amount()) : 0;
      return new TransferRequest(id, debit, credit, amount, pendingId, Set.of(flag), 0, 0);
    }

    /**
     * Mostly a committed pending transfer, sometimes the latest pending id (perhaps created earlier
     * in the same chain), sometimes any pending id ever requested.
     */
    private TransferId pendingAt(int ref) {
      if (pendingIds.isEmpty()) {
        return new TransferId("missing");
      }
      if (ref < 14 && !committedPendings.isEmpty()) {
        return committedPendings.get(ref % committedPendings.size());
      }
      if (ref < 18) {
        return pendingIds.get(pendingIds.size() - 1);
      }
      return pendingIds.get(ref % pendingIds.size());
    }

    /** Mostly a pending transfer with a running timer, else as for a post or void. */
    private TransferId expiryTarget(int ref) {
      List<PendingExpiry> timers = ledger.pendingExpiries();
      return ref < 12 && !timers.isEmpty()
          ? timers.get(ref % timers.size()).pendingId()
          : pendingAt(ref % 14);
    }

    private void expire(TransferId pendingId) {
      TransferResult first = ledger.expire(pendingId, now);
      if (first instanceof TransferResult.Accepted accepted && !accepted.replayed()) {
        expiries.add(accepted.transfer().id());
        assertThat(accepted.transfer().id().value()).startsWith("expiry:");
      }
      TransferResult second = ledger.expire(pendingId, now);
      if (first instanceof TransferResult.Accepted accepted) {
        assertThat(second).isEqualTo(new TransferResult.Accepted(accepted.transfer(), true));
      } else {
        assertThat(second).isEqualTo(first);
      }
    }

    private void drainToStore() {
      LedgerBatch batch = ledger.drainChanges();
      store.commit(batch);
      committed.addAll(batch.transfers());
      for (Transfer transfer : batch.transfers()) {
        if (transfer.has(TransferFlag.PENDING)) {
          committedPendings.add(transfer.id());
        }
      }
    }

    void check() {
      ledger.checkInvariants();
      assertThat(ledger.accounts()).containsExactlyElementsOf(modelAccounts());
      checkStatuses();
      checkRetries();
      checkRestore();
    }

    /** The accounts recomputed from the committed transfers alone. */
    private List<Account> modelAccounts() {
      Map<AccountId, long[]> balances = new HashMap<>();
      Map<TransferId, Transfer> pendings = new HashMap<>();
      Set<TransferId> resolved = new HashSet<>();
      for (Transfer transfer : committed) {
        long[] debit = balances.computeIfAbsent(transfer.debitAccountId(), id -> new long[4]);
        long[] credit = balances.computeIfAbsent(transfer.creditAccountId(), id -> new long[4]);
        long amount = transfer.amount();
        if (transfer.has(TransferFlag.PENDING)) {
          pendings.put(transfer.id(), transfer);
          debit[0] += amount;
          credit[2] += amount;
        } else if (transfer.pendingId() != null) {
          assertThat(resolved.add(transfer.pendingId()))
              .as("%s resolved only once", transfer.pendingId())
              .isTrue();
          long reserved = pendings.get(transfer.pendingId()).amount();
          boolean posts = transfer.has(TransferFlag.POST_PENDING);
          assertThat(amount).isLessThanOrEqualTo(reserved);
          debit[0] -= reserved;
          credit[2] -= reserved;
          debit[1] += posts ? amount : 0;
          credit[3] += posts ? amount : 0;
        } else {
          debit[1] += amount;
          credit[3] += amount;
        }
      }
      List<Account> accounts = new ArrayList<>();
      for (Account account : ledger.accounts()) {
        long[] b = balances.getOrDefault(account.id(), new long[4]);
        accounts.add(
            new Account(
                account.id(),
                account.asset(),
                account.flags(),
                account.name(),
                b[0],
                b[1],
                b[2],
                b[3],
                account.createdAt()));
      }
      return accounts;
    }

    private void checkStatuses() {
      Map<TransferId, PendingStatus> expected = new HashMap<>();
      for (Transfer transfer : committed) {
        if (transfer.has(TransferFlag.PENDING)) {
          expected.put(transfer.id(), PendingStatus.PENDING);
        } else if (transfer.has(TransferFlag.POST_PENDING)) {
          expected.put(transfer.pendingId(), PendingStatus.POSTED);
        } else if (transfer.has(TransferFlag.VOID_PENDING)) {
          expected.put(
              transfer.pendingId(),
              expiries.contains(transfer.id()) ? PendingStatus.EXPIRED : PendingStatus.VOIDED);
        }
      }
      for (TransferId id : pendingIds) {
        PendingStatus status = ledger.pendingStatus(id).orElse(null);
        assertThat(status).isEqualTo(expected.get(id));
        PendingStatus before = lastStatus.get(id);
        if (before != null && before != PendingStatus.PENDING) {
          assertThat(status).as("%s left PENDING only once", id).isEqualTo(before);
        }
        if (status != null) {
          lastStatus.put(id, status);
        }
      }
    }

    private void checkRetries() {
      List<Account> before = List.copyOf(ledger.accounts());
      for (List<TransferRequest> unit : acceptedUnits) {
        for (TransferResult result : ledger.submit(unit, now)) {
          assertThat(result).isInstanceOf(TransferResult.Accepted.class);
          assertThat(((TransferResult.Accepted) result).replayed()).isTrue();
        }
      }
      assertThat(ledger.drainChanges().isEmpty()).isTrue();
      assertThat(ledger.accounts()).isEqualTo(before);
    }

    private void checkRestore() {
      Ledger restored = Ledger.restore(store.load());
      assertThat(restored.accounts()).isEqualTo(ledger.accounts());
      assertThat(restored.pendingExpiries()).isEqualTo(ledger.pendingExpiries());
      for (TransferId id : usedIds) {
        assertThat(restored.transfer(id)).isEqualTo(ledger.transfer(id));
        assertThat(restored.pendingStatus(id)).isEqualTo(ledger.pendingStatus(id));
      }
      for (TransferId id : expiries) {
        assertThat(restored.transfer(id)).isEqualTo(ledger.transfer(id));
      }
    }
  }
}
