package org.telco.app.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.app.EngineShards;
import org.telco.app.credit.EmergencyCreditOffers.Figures;
import org.telco.app.credit.EmergencyCreditOffers.Offer;
import org.telco.credit.Advance;
import org.telco.credit.AdvanceTransfers;
import org.telco.credit.EmergencyCreditPolicy;
import org.telco.credit.InMemoryAdvanceStore;
import org.telco.engine.EngineSettings;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.Account;
import org.telco.ledger.AccountId;
import org.telco.ledger.InMemoryLedgerStore;
import org.telco.ledger.NewAccount;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.outbox.InMemoryOutbox;
import org.telco.subscriber.BillingCycles;
import org.telco.subscriber.InMemorySubscriberStore;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.OperatorProfiles;
import org.telco.subscriber.PlanId;
import org.telco.subscriber.PurposeCode;
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.TransferIds;
import org.telco.time.InMemoryTimerStore;
import org.telco.time.SimulatedClock;
import org.telco.time.Timer;

/**
 * The ledger step of an offer: the advance and the payment of what is due go in one submit, figured
 * from the accounts as read before the advance, and whatever that cannot settle is figured again
 * from the accounts as they stand, so the books end as if the accounts had been read right after
 * the advance.
 */
class LendingTest {
  private static final Instant NOW = Instant.parse("2026-02-15T02:00:00Z");
  private static final long FEE = 1_800;
  private static final long ADVANCE = 1_000;

  private final SimulatedClock clock = new SimulatedClock(NOW);
  private final OperatorProfile profile =
      OperatorProfiles.allInOne().find(new OperatorId("alpha")).orElseThrow();
  private final InMemoryLedgerStore committed = new InMemoryLedgerStore();
  private final ShardedLedger ledger =
      ShardedLedger.start(committed, clock, EngineSettings.DEFAULT);
  private final SubscriberAccounts accounts = new SubscriberAccounts(new EngineShards(ledger));
  private final EmergencyCreditPolicy policy =
      EmergencyCreditSettings.defaults().policyIn(profile.zone());
  private final Lending lending = new Lending(new AdvanceTransfers(accounts), ledger);
  private final EmergencyCreditOffers offers =
      new EmergencyCreditOffers(
          new InMemorySubscriberStore(),
          new InMemoryAdvanceStore(),
          lending,
          new InMemoryOutbox(),
          new OfferTimers(new InMemoryTimerStore(), policy),
          new EmergencyCreditNotices(profile, policy.quietHours()),
          clock);
  private final Subscriber alice = subscriber(1);

  @AfterEach
  void stop() {
    ledger.close();
  }

  @Test
  void anAdvanceThatOnlyPaysWhatIsDueGoesStraightToArrearsInOneTransfer() {
    openHouseAccounts(true);
    Offer offer = barredWithNothing(alice);

    List<Timer> failed = lending.lend(List.of(offer), Map.of(offer, new Figures(0, FEE)));

    assertThat(failed).isEmpty();
    assertThat(due(alice)).isEqualTo(FEE - ADVANCE);
    assertThat(lent()).isEqualTo(ADVANCE);
    Account money = ledger.account(alice.moneyAccount()).join().orElseThrow();
    assertThat(money.debitsPosted()).isZero();
    assertThat(money.creditsPosted()).isZero();
    assertThat(committed.transfer(TransferIds.of("advance", offer.advance.id())))
        .hasValueSatisfying(t -> assertThat(t.creditAccountId()).isEqualTo(alice.arrearsAccount()));
    assertThat(committed.transfer(TransferIds.of("advance-settle", offer.advance.id()))).isEmpty();
  }

  @Test
  void anAdvanceBeyondWhatIsDueGoesToMoneyAndPaysWhatIsDueFromIt() {
    openHouseAccounts(true);
    Offer offer = barredWithNothing(alice, 600);

    List<Timer> failed = lending.lend(List.of(offer), Map.of(offer, new Figures(0, 600)));

    assertThat(failed).isEmpty();
    assertThat(money(alice)).isEqualTo(ADVANCE - 600);
    assertThat(due(alice)).isZero();
    assertThat(lent()).isEqualTo(ADVANCE);
  }

  @Test
  void moneyANumberHadBesidesAnAdvancePaidToArrearsAlsoPaysWhatIsDue() {
    openHouseAccounts(true);
    Offer offer = barredWithNothing(alice);
    topUp(alice, 300);

    List<Timer> failed = lending.lend(List.of(offer), Map.of(offer, new Figures(300, FEE)));

    assertThat(failed).isEmpty();
    assertThat(money(alice)).isZero();
    assertThat(due(alice)).isEqualTo(FEE - ADVANCE - 300);
    assertThat(lent()).isEqualTo(ADVANCE);
  }

  @Test
  void anOfferResumedAfterItsAdvanceWentToArrearsMovesItOnce() {
    openHouseAccounts(true);
    Offer offer = barredWithNothing(alice);
    submit(new AdvanceTransfers(accounts).advanceToArrears(alice, offer.advance));

    List<Timer> failed = lending.lend(List.of(offer), Map.of());

    assertThat(failed).isEmpty();
    assertThat(money(alice)).isZero();
    assertThat(due(alice)).isEqualTo(FEE - ADVANCE);
    assertThat(lent()).isEqualTo(ADVANCE);
  }

  @Test
  void aPaymentOnFiguresThatMovedMeanwhileIsFiguredAgainFromTheAccounts() {
    openHouseAccounts(true);
    Offer offer = barredWithNothing(alice);
    Figures before = new Figures(0, FEE);
    submit(
        TransferRequest.posted(
            TransferIds.of("paid-meanwhile", alice.msisdn().digits()),
            accounts.paymentsClearing(alice),
            alice.arrearsAccount(),
            1_500,
            PurposeCode.ARREARS_SETTLED.code()));

    List<Timer> failed = lending.lend(List.of(offer), Map.of(offer, before));

    assertThat(failed).isEmpty();
    assertThat(due(alice)).isZero();
    assertThat(money(alice)).isEqualTo(ADVANCE - 300);
    assertThat(lent()).isEqualTo(ADVANCE);
  }

  @Test
  void anOfferResumedWithoutFiguresPaysFromTheAccountsAfterItsAdvanceAndMovesItOnce() {
    openHouseAccounts(true);
    Offer offer = barredWithNothing(alice);
    submit(new AdvanceTransfers(accounts).advance(alice, offer.advance));

    List<Timer> failed = lending.lend(List.of(offer), Map.of());

    assertThat(failed).isEmpty();
    assertThat(money(alice)).isZero();
    assertThat(due(alice)).isEqualTo(FEE - ADVANCE);
    assertThat(lent()).isEqualTo(ADVANCE);
  }

  @Test
  void aRefusedAdvanceIsTriedAgainLaterAndPaysNothing() {
    openHouseAccounts(false);
    Offer offer = barredWithNothing(alice);

    List<Timer> failed = lending.lend(List.of(offer), Map.of(offer, new Figures(0, FEE)));

    assertThat(failed).containsExactly(offer.timer);
    assertThat(money(alice)).isZero();
    assertThat(due(alice)).isEqualTo(FEE);
  }

  /** Alice's offer with its advance recorded: barred at her first fee, with no money. */
  private Offer barredWithNothing(Subscriber subscriber) {
    return barredWithNothing(subscriber, FEE);
  }

  /** The offer of a number barred with {@code dueFen} due and no money, its advance recorded. */
  private Offer barredWithNothing(Subscriber subscriber, long dueFen) {
    ledger.open(accounts.open(subscriber)).join();
    submit(accounts.recordDue(subscriber, dueFen, LocalDate.of(2026, 2, 15)));
    Timer timer =
        new OfferTimers(new InMemoryTimerStore(), policy).offer(subscriber.msisdn(), "x", NOW);
    Offer offer = offers.new Offer(timer, subscriber, List.of());
    offer.advance =
        Advance.grant(
            timer.payload(),
            subscriber.msisdn(),
            ADVANCE,
            Math.min(ADVANCE, dueFen),
            NOW,
            NOW.plus(Duration.ofDays(3)));
    return offer;
  }

  private void topUp(Subscriber subscriber, long fen) {
    submit(
        TransferRequest.posted(
            TransferIds.of("top-up", subscriber.msisdn().digits()),
            accounts.paymentsClearing(subscriber),
            subscriber.moneyAccount(),
            fen,
            PurposeCode.TOP_UP.code()));
  }

  private void openHouseAccounts(boolean withEmergencyCredit) {
    List<NewAccount> house =
        accounts.houseAccounts().stream()
            .filter(a -> withEmergencyCredit || !a.name().startsWith("emergency-credit"))
            .toList();
    ledger.open(house).join();
  }

  private Subscriber subscriber(int serial) {
    return Subscriber.subscribe(
        new Msisdn("861380000000" + serial),
        profile.id(),
        new PlanId("standard"),
        ServicePassword.derive("Qw9-zx81".toCharArray(), new byte[16], 1),
        SubscriberAccounts.subscriberFamily(serial),
        NOW.minus(Duration.ofDays(31)),
        new BillingCycles(profile.zone()));
  }

  private void submit(TransferRequest request) {
    assertThat(ledger.submit(List.of(request)).join().getFirst())
        .isInstanceOf(TransferResult.Accepted.class);
  }

  private long money(Subscriber subscriber) {
    return credit(subscriber.moneyAccount());
  }

  private long due(Subscriber subscriber) {
    return -credit(subscriber.arrearsAccount());
  }

  private long lent() {
    return -credit(accounts.emergencyCredit(alice));
  }

  private long credit(AccountId id) {
    return ledger.account(id).join().map(Account::creditBalance).orElseThrow();
  }
}
