package org.telco.porting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.telco.porting.PortingDesk.Answer;
import org.telco.porting.PortingParties.CreditAnswer;
import org.telco.porting.PortingParties.DonorUnreachable;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.ServicePassword;
import org.telco.time.SimulatedClock;

/**
 * The clearinghouse's port steps over the reference store, with the outside parties played by small
 * in-memory stand-ins that count what they were asked: money moves and routing changes only for a
 * port that got that far, and each once.
 */
class PortingDeskTest {
  private static final Instant T0 = Instant.parse("2026-05-01T02:00:00Z");
  private static final Msisdn NUMBER = new Msisdn("8613800000001");
  private static final OperatorId ALPHA = new OperatorId("alpha");
  private static final OperatorId BETA = new OperatorId("beta");
  private static final ServicePassword PASSWORD =
      ServicePassword.derive("Kx7-pw19q".toCharArray(), new byte[16], 1);
  private static final ServicePassword WRONG =
      ServicePassword.derive("Kx7-pw19Q".toCharArray(), new byte[16], 1);
  private static final CreditReport OWES_2300 =
      new CreditReport(NUMBER, 1_800, 500, null, 0, 700, 400);

  private final SimulatedClock clock = new SimulatedClock(T0);
  private final InMemoryPortingStore store = new InMemoryPortingStore();
  private final Donor donor = new Donor();
  private final Accounts accounts = new Accounts();
  private final RoutingRecord routing = new RoutingRecord();
  private final PortingDesk desk =
      new PortingDesk(store, VerificationPolicy.defaults(), donor, accounts, routing, clock);
  private int nonces;

  @Test
  void aPortGoesFromVerificationToCompletionMovingTheCompensationOnce() {
    PortingProof proof = deposited(PASSWORD);

    PortRequest checked = current(desk.verify("port-1", NUMBER, ALPHA, BETA, proof));
    assertThat(checked.state()).isEqualTo(PortState.CREDIT_CHECKED);
    assertThat(checked.credit()).isEqualTo(OWES_2300);

    donor.silentOnConfirmation = true;
    PortRequest settled = current(desk.accept("port-1", BETA));
    assertThat(settled.state()).isEqualTo(PortState.SETTLED);
    assertThat(current(desk.accept("port-1", BETA)).state()).isEqualTo(PortState.SETTLED);
    assertThat(accounts.balances).containsEntry(BETA, 10_000L - 2_300).containsEntry(ALPHA, 2_300L);
    assertThat(routing.records).containsExactly(Map.entry(NUMBER, BETA));
    assertThat(routing.calls).isEqualTo(1);

    donor.silentOnConfirmation = false;
    assertThat(desk.resume(Duration.ofHours(1), 10)).isEqualTo(1);
    assertThat(store.request("port-1").orElseThrow().state()).isEqualTo(PortState.COMPLETED);
    assertThat(donor.confirmed).containsExactly(Map.entry("port-1", 1));
    assertThat(current(desk.complete("port-1", ALPHA)).state()).isEqualTo(PortState.COMPLETED);
    assertThat(desk.complete("port-1", BETA)).isInstanceOf(Answer.Unknown.class);
    assertThat(accounts.moves).isEqualTo(1);
  }

  @Test
  void aResumeRacingTheRecipientsAcceptanceWaitsForItSoTheRecipientHearsCompleted()
      throws InterruptedException {
    current(desk.verify("port-1", NUMBER, ALPHA, BETA, deposited(PASSWORD)));
    CountDownLatch resumeConfirming = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread[] resumer = new Thread[1];
    accounts.beforeFirstCompensation =
        () -> {
          // The node's resume starts while the recipient's acceptance is settling. Unguarded, it
          // settled the port itself and was confirming it when the acceptance answered SETTLED.
          resumer[0] = Thread.ofPlatform().start(() -> desk.resume(Duration.ofHours(1), 10));
          awaitQuietly(resumeConfirming);
        };
    donor.onConfirmation =
        () -> {
          if (Thread.currentThread() == resumer[0]) {
            resumeConfirming.countDown();
            awaitQuietly(release);
          }
        };

    Answer answer = desk.accept("port-1", BETA);
    release.countDown();
    resumer[0].join(5_000);

    assertThat(current(answer).state()).isEqualTo(PortState.COMPLETED);
    assertThat(accounts.moves).isEqualTo(1);
    assertThat(donor.confirmed).containsExactly(Map.entry("port-1", 1));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aWrongPasswordIsRejectedAndCountedAndFiveLockTheNumber() {
    for (int i = 0; i < 5; i++) {
      PortingProof wrong = deposited(WRONG);
      PortRequest rejected = current(desk.verify("wrong-" + i, NUMBER, ALPHA, BETA, wrong));
      assertThat(rejected.rejection()).contains(PortRejection.WRONG_PROOF);
    }
    PortingProof right = deposited(PASSWORD);
    assertThat(current(desk.verify("port-1", NUMBER, ALPHA, BETA, right)).rejection())
        .contains(PortRejection.LOCKED_OUT);
    nothingMoved();

    clock.advance(Duration.ofHours(25));
    PortingProof later = deposited(PASSWORD);
    assertThat(current(desk.verify("port-2", NUMBER, ALPHA, BETA, later)).state())
        .isEqualTo(PortState.CREDIT_CHECKED);
  }

  @Test
  void aResultIsGoodOnceAndOnlyUntilItsDepositExpires() {
    PortingProof proof = deposited(PASSWORD);
    desk.verify("port-1", NUMBER, ALPHA, BETA, proof);
    desk.decline("port-1", BETA);

    assertThat(current(desk.verify("port-2", NUMBER, ALPHA, BETA, proof)).rejection())
        .contains(PortRejection.PROOF_REPLAYED);

    PortingProof late = deposited(PASSWORD);
    clock.advance(Duration.ofHours(1));
    assertThat(current(desk.verify("port-3", NUMBER, ALPHA, BETA, late)).rejection())
        .contains(PortRejection.DEPOSIT_EXPIRED);
    assertThat(current(desk.verify("port-4", NUMBER, BETA, ALPHA, late)).rejection())
        .contains(PortRejection.NO_DEPOSIT);
    nothingMoved();
  }

  @Test
  void theDonorsRefusalEndsThePortAndItsSilenceIsAskedAgain() {
    donor.answer = new CreditAnswer.Refused(PortRejection.PORTING_LOCK);
    assertThat(current(desk.verify("port-1", NUMBER, ALPHA, BETA, deposited(PASSWORD))).rejection())
        .contains(PortRejection.PORTING_LOCK);

    donor.answer = null; // unreachable
    PortingProof proof = deposited(PASSWORD);
    Answer waiting = desk.verify("port-2", NUMBER, ALPHA, BETA, proof);
    assertThat(waiting).isInstanceOf(Answer.DonorUnavailable.class);
    assertThat(store.request("port-2").orElseThrow().state()).isEqualTo(PortState.VERIFIED);

    donor.answer = new CreditAnswer.Report(OWES_2300);
    assertThat(current(desk.verify("port-2", NUMBER, ALPHA, BETA, proof)).state())
        .isEqualTo(PortState.CREDIT_CHECKED);
    nothingMoved();
  }

  @Test
  void aRecipientThatCannotPayIsRefusedWithoutARoutingChange() {
    accounts.balances.put(BETA, 2_299L);
    desk.verify("port-1", NUMBER, ALPHA, BETA, deposited(PASSWORD));

    assertThat(current(desk.accept("port-1", BETA)).rejection())
        .contains(PortRejection.SETTLEMENT_REFUSED);
    assertThat(accounts.balances).containsEntry(BETA, 2_299L).doesNotContainKey(ALPHA);
    assertThat(routing.records).isEmpty();
  }

  @Test
  void aCrashAfterTheMoneyMovedIsFinishedByResumeOnce() {
    desk.verify("port-1", NUMBER, ALPHA, BETA, deposited(PASSWORD));
    routing.failNext = true;
    assertThatThrownBy(() -> desk.accept("port-1", BETA)).isInstanceOf(IllegalStateException.class);
    assertThat(store.request("port-1").orElseThrow().state()).isEqualTo(PortState.ACCEPTED);
    assertThat(accounts.moves).isEqualTo(1);
    assertThat(routing.records).isEmpty();

    assertThat(desk.resume(Duration.ofHours(1), 10)).isEqualTo(1);

    assertThat(store.request("port-1").orElseThrow().state()).isEqualTo(PortState.COMPLETED);
    assertThat(accounts.moves).isEqualTo(1);
    assertThat(accounts.balances).containsEntry(ALPHA, 2_300L);
    assertThat(routing.records).containsExactly(Map.entry(NUMBER, BETA));
  }

  @Test
  void oneOpenRequestPerNumberAndOnlyItsRecipientActsOnIt() {
    desk.verify("port-1", NUMBER, ALPHA, BETA, deposited(PASSWORD));

    Answer busy =
        desk.verify("port-2", NUMBER, ALPHA, new OperatorId("gamma"), deposited(PASSWORD));
    assertThat(busy).isInstanceOf(Answer.NumberBusy.class);
    assertThat(desk.accept("port-1", new OperatorId("gamma"))).isInstanceOf(Answer.Unknown.class);
    assertThat(desk.accept("port-9", BETA)).isInstanceOf(Answer.Unknown.class);
    assertThat(current(desk.decline("port-1", BETA)).rejection())
        .contains(PortRejection.DECLINED_BY_RECIPIENT);
    assertThat(desk.accept("port-1", BETA))
        .isEqualTo(new Answer.Current(store.request("port-1").orElseThrow()));
    nothingMoved();
  }

  @Test
  void requestsThatWaitTooLongExpireButAcceptedOnesAreFinished() {
    donor.answer = null;
    desk.verify("port-1", NUMBER, ALPHA, BETA, deposited(PASSWORD));
    clock.advance(Duration.ofMinutes(30));
    assertThat(desk.resume(Duration.ofHours(1), 10)).isZero();

    clock.advance(Duration.ofMinutes(31));
    assertThat(desk.resume(Duration.ofHours(1), 10)).isEqualTo(1);
    PortRequest expired = store.request("port-1").orElseThrow();
    assertThat(expired.state()).isEqualTo(PortState.EXPIRED);
    assertThat(expired.rejection()).contains(PortRejection.TIMED_OUT);
    nothingMoved();
  }

  private PortingProof deposited(ServicePassword terminalPassword) {
    PortingNonce nonce = PortingNonce.issue(new Random(++nonces));
    desk.deposit(NUMBER, ALPHA, nonce, PortingProof.of(PASSWORD, nonce));
    return PortingProof.of(terminalPassword, nonce);
  }

  private void nothingMoved() {
    assertThat(accounts.moves).isZero();
    assertThat(routing.records).isEmpty();
  }

  private static PortRequest current(Answer answer) {
    assertThat(answer).isInstanceOf(Answer.Current.class);
    return ((Answer.Current) answer).request();
  }

  /** The donor: answers the credit query with {@link #answer}, or is unreachable when null. */
  private static final class Donor implements PortingParties.Donors {
    CreditAnswer answer = new CreditAnswer.Report(OWES_2300);
    boolean silentOnConfirmation;
    Runnable onConfirmation = () -> {};
    final Map<String, Integer> confirmed = new HashMap<>();

    @Override
    public CreditAnswer creditQuery(OperatorId donor, Msisdn msisdn) {
      if (answer == null) {
        throw new DonorUnreachable(donor + " did not answer", null);
      }
      return answer;
    }

    @Override
    public void confirmCompensation(PortRequest settled) {
      onConfirmation.run();
      if (silentOnConfirmation) {
        throw new DonorUnreachable(settled.donor() + " did not answer", null);
      }
      confirmed.merge(settled.id(), 1, Integer::sum);
    }
  }

  /** Settlement accounts with prefunding, moving each port's compensation once. */
  private static final class Accounts implements PortingParties.Settlement {
    final Map<OperatorId, Long> balances = new HashMap<>(Map.of(BETA, 10_000L));
    final Map<String, Boolean> done = new HashMap<>();
    int moves;
    Runnable beforeFirstCompensation = () -> {};

    @Override
    public boolean compensate(String portId, OperatorId payer, OperatorId payee, long fen) {
      Runnable hook;
      synchronized (this) {
        hook = beforeFirstCompensation;
        beforeFirstCompensation = () -> {};
      }
      hook.run();
      return move(portId, payer, payee, fen);
    }

    private synchronized boolean move(String portId, OperatorId payer, OperatorId payee, long fen) {
      if (done.containsKey(portId)) {
        return done.get(portId);
      }
      long available = balances.getOrDefault(payer, 0L);
      if (available < fen) {
        return false;
      }
      balances.put(payer, available - fen);
      balances.merge(payee, fen, Long::sum);
      done.put(portId, true);
      moves++;
      return true;
    }
  }

  /** The routing database: one record per port, failing once on demand like a crash. */
  private static final class RoutingRecord implements PortingParties.Routing {
    final Map<Msisdn, OperatorId> records = new HashMap<>();
    final Map<String, Boolean> ports = new HashMap<>();
    boolean failNext;
    int calls;

    @Override
    public void record(String portId, Msisdn msisdn, OperatorId recipient) {
      if (failNext) {
        failNext = false;
        throw new IllegalStateException("the routing database went away");
      }
      if (ports.putIfAbsent(portId, true) == null) {
        records.put(msisdn, recipient);
        calls++;
      }
    }
  }
}
