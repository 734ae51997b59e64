package org.telco.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telco.ledger.Account;
import org.telco.ledger.AccountFlag;
import org.telco.ledger.AccountId;
import org.telco.ledger.Asset;
import org.telco.ledger.ForwardingLedgerStore;
import org.telco.ledger.InMemoryLedgerStore;
import org.telco.ledger.LedgerBatch;
import org.telco.ledger.LedgerStoreException;
import org.telco.ledger.NewAccount;
import org.telco.ledger.Transfer;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRejection;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.time.SimulatedClock;

/**
 * Pending transfers expired by their shards ({@link ShardedLedger#expireDue}) on the engine's
 * clock: on every shard, only what is due, durable before the answer, and again after a restart,
 * which rebuilds the schedule from the stored transfers. Families 1 and 2 live on different shards.
 */
class ShardExpiryTest {
  private static final AccountId HOUSE_1 = ShardRouting.member(1, 0);
  private static final AccountId USER_1 = ShardRouting.member(1, 1);
  private static final AccountId HOUSE_2 = ShardRouting.member(2, 0);
  private static final AccountId USER_2 = ShardRouting.member(2, 1);

  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-23T00:00:00Z"));
  private final FailingStore store = new FailingStore();
  private ShardedLedger ledger = ShardedLedger.start(store, clock, EngineSettings.DEFAULT);

  @BeforeEach
  void openAndFund() {
    ledger
        .open(
            List.of(
                new NewAccount(HOUSE_1, Asset.CNY_FEN, Set.of(), "house-1"),
                userAccount(USER_1),
                new NewAccount(HOUSE_2, Asset.CNY_FEN, Set.of(), "house-2"),
                userAccount(USER_2)))
        .join();
    submit(
        TransferRequest.posted(id("fund-1"), HOUSE_1, USER_1, 1_000, 0),
        TransferRequest.posted(id("fund-2"), HOUSE_2, USER_2, 1_000, 0));
  }

  @AfterEach
  void stop() {
    ledger.close();
  }

  @Test
  void everyShardExpiresWhatIsDueAndNothingElse() {
    submit(
        TransferRequest.pending(id("a"), USER_1, HOUSE_1, 100, 60, 0),
        TransferRequest.pending(id("b"), USER_2, HOUSE_2, 200, 60, 0),
        TransferRequest.pending(id("c"), USER_1, HOUSE_1, 300, 600, 0));
    assertThat(ledger.expireDue(100).join()).as("nothing due yet").isEmpty();

    clock.advance(Duration.ofSeconds(61));

    assertThat(ledger.expireDue(100).join())
        .extracting(ShardExpiryTest::voided)
        .containsExactlyInAnyOrder("a", "b");
    assertThat(user(USER_1).debitsPending()).isEqualTo(300);
    assertThat(user(USER_2).debitsPending()).isZero();
    assertThat(store.transfer(id("expiry:a"))).isPresent();
    assertThat(store.transfer(id("expiry:b"))).isPresent();
    assertThat(submit(TransferRequest.postPending(id("late"), id("a"), 100)))
        .containsExactly(
            new TransferResult.Rejected(id("late"), TransferRejection.PENDING_TRANSFER_EXPIRED));
    assertThat(ledger.expireDue(100).join()).isEmpty();
  }

  @Test
  void aShardExpiresAtMostTheAskedNumberPerCall() {
    for (int i = 0; i < 3; i++) {
      submit(TransferRequest.pending(id("p" + i), USER_1, HOUSE_1, 10, 60, 0));
    }
    clock.advance(Duration.ofMinutes(5));

    assertThat(ledger.expireDue(2).join())
        .extracting(ShardExpiryTest::voided)
        .containsExactly("p0", "p1");
    assertThat(ledger.expireDue(2).join())
        .extracting(ShardExpiryTest::voided)
        .containsExactly("p2");
    assertThat(user(USER_1).debitsPending()).isZero();
  }

  @Test
  void aRestartedEngineExpiresTheReservationsItFoundPending() {
    submit(
        TransferRequest.pending(id("kept"), USER_2, HOUSE_2, 100, 60, 0),
        TransferRequest.pending(id("taken"), USER_2, HOUSE_2, 100, 60, 0));
    submit(TransferRequest.postPending(id("take"), id("taken"), 40));
    ledger.close();
    ledger = ShardedLedger.start(store, clock, EngineSettings.DEFAULT);
    clock.advance(Duration.ofMinutes(2));

    assertThat(ledger.expireDue(100).join())
        .extracting(ShardExpiryTest::voided)
        .containsExactly("kept");

    assertThat(user(USER_2).debitsPending()).isZero();
    assertThat(user(USER_2).debitsPosted()).isEqualTo(40);
    assertThat(store.transfer(id("expiry:kept"))).isPresent();
    assertThat(store.transfer(id("expiry:taken"))).isEmpty();
  }

  @Test
  void aShardWhoseCommitFailsExpiresNothingNowWithoutFailingTheCallAndExpiresOnTheNextTick() {
    submit(
        TransferRequest.pending(id("one"), USER_1, HOUSE_1, 100, 60, 0),
        TransferRequest.pending(id("two"), USER_2, HOUSE_2, 100, 60, 0));
    clock.advance(Duration.ofMinutes(2));
    store.failCommits(true);

    assertThat(ledger.expireDue(100).join()).as("both shards' commits failed").isEmpty();

    store.failCommits(false);
    assertThat(ledger.expireDue(100).join())
        .extracting(ShardExpiryTest::voided)
        .containsExactlyInAnyOrder("one", "two");
    assertThat(user(USER_1).debitsPending()).isZero();
    assertThat(user(USER_2).debitsPending()).isZero();
    ledger.checkInvariants().join();
  }

  private static String voided(TransferResult result) {
    Transfer expiry = ((TransferResult.Accepted) result).transfer();
    assertThat(expiry.id().value()).isEqualTo("expiry:" + expiry.pendingId().value());
    return expiry.pendingId().value();
  }

  private List<TransferResult> submit(TransferRequest... requests) {
    return ledger.submit(List.of(requests)).join();
  }

  private Account user(AccountId id) {
    return ledger.account(id).join().orElseThrow();
  }

  private static NewAccount userAccount(AccountId id) {
    return new NewAccount(
        id, Asset.CNY_FEN, Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS), "user-" + id);
  }

  private static TransferId id(String value) {
    return new TransferId(value);
  }

  /** The reference store, refusing every commit while told to. */
  private static final class FailingStore extends ForwardingLedgerStore {
    private volatile boolean failing;

    FailingStore() {
      super(new InMemoryLedgerStore());
    }

    void failCommits(boolean fail) {
      failing = fail;
    }

    @Override
    public void commit(LedgerBatch batch) {
      if (failing && !batch.isEmpty()) {
        throw new LedgerStoreException("refused for the test");
      }
      super.commit(batch);
    }
  }
}
