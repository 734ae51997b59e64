package org.telco.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telco.ledger.TransferRequest.pending;
import static org.telco.ledger.TransferRequest.postPending;
import static org.telco.ledger.TransferRequest.posted;
import static org.telco.ledger.TransferRequest.voidPending;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger's expiry schedule: {@link Ledger#expireDue} expires exactly the pending transfers
 * still pending whose timeout has passed, earliest first and at most as many as asked; a resolution
 * takes a pending transfer off the schedule, a rolled-back chain puts it back, and a restore
 * rebuilds the schedule from the stored transfers alone.
 */
class ExpiryScheduleTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final AccountId OPERATOR = new AccountId(1);
  private static final AccountId CUSTOMER = new AccountId(2);

  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final Ledger ledger = Ledger.empty();

  @BeforeEach
  void openAndFund() {
    ledger.open(
        List.of(
            new NewAccount(OPERATOR, Asset.CNY_FEN, Set.of(), "operator"),
            new NewAccount(
                CUSTOMER,
                Asset.CNY_FEN,
                Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
                "subscriber:1")),
        T0);
    submit(posted(id("fund"), OPERATOR, CUSTOMER, 1_000, 0));
  }

  @Test
  void onlyWhatIsDueExpiresEarliestFirst() {
    submit(
        pending(id("late"), CUSTOMER, OPERATOR, 100, 120, 0),
        pending(id("first"), CUSTOMER, OPERATOR, 100, 30, 0),
        pending(id("second"), CUSTOMER, OPERATOR, 100, 60, 0),
        pending(id("never"), CUSTOMER, OPERATOR, 100, 0, 0));

    List<TransferResult> expired = ledger.expireDue(T0.plusSeconds(60), 10);

    assertThat(expired).extracting(ExpiryScheduleTest::voided).containsExactly("first", "second");
    assertThat(ledger.pendingStatus(id("late"))).contains(PendingStatus.PENDING);
    assertThat(ledger.pendingStatus(id("never"))).contains(PendingStatus.PENDING);
    assertThat(ledger.account(CUSTOMER).orElseThrow().debitsPending()).isEqualTo(200);
    assertThat(ledger.expireDue(T0.plusSeconds(60), 10)).as("nothing left due").isEmpty();
    assertThat(ledger.pendingExpiries())
        .containsExactly(new PendingExpiry(id("late"), T0.plusSeconds(120)));
    ledger.checkInvariants();
  }

  @Test
  void atMostTheAskedNumberExpireAtOnce() {
    for (int i = 0; i < 5; i++) {
      submit(pending(id("p" + i), CUSTOMER, OPERATOR, 10, 30 + i, 0));
    }

    assertThat(ledger.expireDue(T0.plusSeconds(100), 2))
        .extracting(ExpiryScheduleTest::voided)
        .containsExactly("p0", "p1");
    assertThat(ledger.expireDue(T0.plusSeconds(100), 2))
        .extracting(ExpiryScheduleTest::voided)
        .containsExactly("p2", "p3");
    assertThat(ledger.expireDue(T0.plusSeconds(100), 2))
        .extracting(ExpiryScheduleTest::voided)
        .containsExactly("p4");
    assertThat(ledger.account(CUSTOMER).orElseThrow().debitsPending()).isZero();
  }

  @Test
  void aPostedOrVoidedReservationLeavesTheSchedule() {
    submit(
        pending(id("posted"), CUSTOMER, OPERATOR, 100, 30, 0),
        pending(id("voided"), CUSTOMER, OPERATOR, 100, 30, 0));
    submit(postPending(id("post"), id("posted"), 40), voidPending(id("void"), id("voided")));

    assertThat(ledger.pendingExpiries()).isEmpty();
    assertThat(ledger.expireDue(T0.plusSeconds(100), 10)).isEmpty();
    assertThat(ledger.account(CUSTOMER).orElseThrow().debitsPosted()).isEqualTo(40);
  }

  @Test
  void aRolledBackChainPutsTheReservationItResolvedBackOnTheSchedule() {
    submit(pending(id("p1"), CUSTOMER, OPERATOR, 100, 30, 0));

    List<TransferResult> chain =
        ledger.submit(
            List.of(
                postPending(id("post"), id("p1"), 100).linked(),
                posted(id("bad"), OPERATOR, OPERATOR, 1, 0)),
            T0);

    assertThat(chain.get(0)).isInstanceOf(TransferResult.Rejected.class);
    assertThat(ledger.pendingExpiries())
        .containsExactly(new PendingExpiry(id("p1"), T0.plusSeconds(30)));
    assertThat(ledger.expireDue(T0.plusSeconds(30), 10))
        .extracting(ExpiryScheduleTest::voided)
        .containsExactly("p1");
  }

  @Test
  void aRestoredLedgerExpiresWhatTheStoredOneHadScheduled() {
    submit(
        pending(id("kept"), CUSTOMER, OPERATOR, 100, 30, 0),
        pending(id("settled"), CUSTOMER, OPERATOR, 100, 30, 0));
    submit(postPending(id("post"), id("settled"), 100));

    Ledger restored = Ledger.restore(store.load());

    assertThat(restored.pendingExpiries()).isEqualTo(ledger.pendingExpiries());
    assertThat(restored.expireDue(T0.plusSeconds(30), 10))
        .extracting(ExpiryScheduleTest::voided)
        .containsExactly("kept");
    restored.checkInvariants();
  }

  private void submit(TransferRequest... requests) {
    for (TransferResult result : ledger.submit(List.of(requests), T0)) {
      assertThat(result).isInstanceOf(TransferResult.Accepted.class);
    }
    store.commit(ledger.drainChanges());
  }

  private static String voided(TransferResult result) {
    Transfer expiry = ((TransferResult.Accepted) result).transfer();
    assertThat(expiry.flags()).containsExactly(TransferFlag.VOID_PENDING);
    assertThat(expiry.id().value()).isEqualTo("expiry:" + expiry.pendingId().value());
    return expiry.pendingId().value();
  }

  private static TransferId id(String value) {
    return new TransferId(value);
  }
}
