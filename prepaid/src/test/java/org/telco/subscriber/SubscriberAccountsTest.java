package org.telco.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telco.ledger.AccountFlag;
import org.telco.ledger.AccountId;
import org.telco.ledger.Asset;
import org.telco.ledger.NewAccount;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRequest;

class SubscriberAccountsTest {
  private static final Instant T0 = Instant.parse("2026-01-31T10:00:00Z");
  private static final LocalDate CYCLE = LocalDate.parse("2026-02-28");

  @Test
  void subscriberAccountsAreMembersZeroAndOneOfItsFamily() {
    long family = SubscriberAccounts.subscriberFamily(3);

    assertThat(family).isEqualTo((1L << 16) + 3);
    assertThat(SubscriberAccounts.money(family)).isEqualTo(new AccountId(family << 8));
    assertThat(SubscriberAccounts.arrears(family)).isEqualTo(new AccountId((family << 8) | 1));
    assertThat(SubscriberAccounts.family(SubscriberAccounts.arrears(family))).isEqualTo(family);
    assertThatThrownBy(() -> SubscriberAccounts.money(255))
        .hasMessageContaining("not a subscriber family");
    assertThatThrownBy(() -> SubscriberAccounts.subscriberFamily(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SubscriberAccounts.member(1, 256))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void openingGivesAMoneyAccountThatCannotGoNegativeAndAnArrearsAccountThatCannotBeOverpaid() {
    SubscriberAccounts accounts = new SubscriberAccounts(new FamilyShards(4));
    Subscriber subscriber = SubscriberFixtures.subscriber("8613800000001", 3, T0);

    assertThat(accounts.open(subscriber))
        .containsExactly(
            new NewAccount(
                subscriber.moneyAccount(),
                Asset.CNY_FEN,
                java.util.Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
                "money:8613800000001"),
            new NewAccount(
                subscriber.arrearsAccount(),
                Asset.CNY_FEN,
                java.util.Set.of(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS),
                "arrears:8613800000001"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 8, 256})
  void houseAccountsOfShardSLiveInFamilySAndOnShardS(int shardCount) {
    FamilyShards shards = new FamilyShards(shardCount);
    SubscriberAccounts accounts = new SubscriberAccounts(shards);

    List<NewAccount> house = accounts.houseAccounts();

    assertThat(house).hasSize(4 * shardCount);
    for (int s = 0; s < shardCount; s++) {
      AccountId clearing = new AccountId((long) s << 8 | SubscriberAccounts.PAYMENTS_CLEARING);
      AccountId revenue = new AccountId((long) s << 8 | SubscriberAccounts.FEE_REVENUE);
      assertThat(house)
          .contains(
              new NewAccount(
                  clearing, Asset.CNY_FEN, java.util.Set.of(), "payments-clearing:shard-" + s),
              new NewAccount(revenue, Asset.CNY_FEN, java.util.Set.of(), "fee-revenue:shard-" + s),
              new NewAccount(
                  new AccountId((long) s << 8 | SubscriberAccounts.EMERGENCY_CREDIT),
                  Asset.CNY_FEN,
                  java.util.Set.of(),
                  "emergency-credit:shard-" + s),
              new NewAccount(
                  new AccountId((long) s << 8 | SubscriberAccounts.CARRIER_BILLING),
                  Asset.CNY_FEN,
                  java.util.Set.of(),
                  "carrier-billing:shard-" + s));
      assertThat(shards.shardOf(clearing)).isEqualTo(s);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 7, 16})
  void houseAccountsOfASubscriberShareItsShard(int shardCount) {
    FamilyShards shards = new FamilyShards(shardCount);
    SubscriberAccounts accounts = new SubscriberAccounts(shards);
    for (long serial = 0; serial < 40; serial++) {
      Subscriber subscriber =
          SubscriberFixtures.subscriber("86138000000" + (10 + serial), serial, T0);
      int shard = shards.shardOf(subscriber.moneyAccount());

      assertThat(shards.shardOf(subscriber.arrearsAccount())).isEqualTo(shard);
      assertThat(shards.shardOf(accounts.paymentsClearing(subscriber))).isEqualTo(shard);
      assertThat(shards.shardOf(accounts.feeRevenue(subscriber))).isEqualTo(shard);
      assertThat(shards.shardOf(accounts.emergencyCredit(subscriber))).isEqualTo(shard);
      assertThat(SubscriberAccounts.family(accounts.feeRevenue(subscriber))).isEqualTo(shard);
    }
  }

  @Test
  void routingThatDoesNotKeepHouseFamiliesHomeIsRefused() {
    Shards scrambled =
        new Shards() {
          @Override
          public int count() {
            return 2;
          }

          @Override
          public int shardOf(AccountId id) {
            return (int) ((id.value() >>> 8) + 1) % 2;
          }
        };

    assertThatThrownBy(() -> new SubscriberAccounts(scrambled)).hasMessageContaining("family 0");
    assertThatThrownBy(() -> new SubscriberAccounts(new FamilyShards(257)))
        .hasMessageContaining("shards");
  }

  @Test
  void feeIsChargedFromMoneyToRevenueUnderAnIdNamingTheCycle() {
    SubscriberAccounts accounts = new SubscriberAccounts(new FamilyShards(3));
    Subscriber subscriber = SubscriberFixtures.subscriber("8613800000001", 3, T0);

    TransferRequest fee = accounts.chargeFee(subscriber, 1_800, CYCLE);

    assertThat(fee)
        .isEqualTo(
            TransferRequest.posted(
                new TransferId("fee:8613800000001:2026-02-28"),
                subscriber.moneyAccount(),
                accounts.feeRevenue(subscriber),
                1_800,
                PurposeCode.MONTHLY_FEE.code()));
    assertThat(accounts.chargeFee(subscriber, 1_800, CYCLE)).isEqualTo(fee);
    assertThat(accounts.chargeFee(subscriber, 1_800, CYCLE.plusMonths(1)).id())
        .isEqualTo(new TransferId("fee:8613800000001:2026-03-28"));
  }

  @Test
  void unpaidFeeIsRecordedAsDueFromArrearsToRevenue() {
    SubscriberAccounts accounts = new SubscriberAccounts(new FamilyShards(3));
    Subscriber subscriber = SubscriberFixtures.subscriber("8613800000001", 3, T0);

    TransferRequest due = accounts.recordDue(subscriber, 1_800, CYCLE);

    assertThat(due)
        .isEqualTo(
            TransferRequest.posted(
                new TransferId("due:8613800000001:2026-02-28"),
                subscriber.arrearsAccount(),
                accounts.feeRevenue(subscriber),
                1_800,
                PurposeCode.FEE_DUE.code()));
    assertThatThrownBy(() -> accounts.recordDue(subscriber, 0, CYCLE))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> accounts.chargeFee(subscriber, -5, CYCLE))
        .hasMessageContaining("positive");
  }

  @Test
  void purposeCodesAreDistinctAndPrepaids() {
    assertThat(PurposeCode.values())
        .extracting(PurposeCode::code)
        .doesNotHaveDuplicates()
        .allMatch(code -> code >= 100 && code < 200);
  }
}
