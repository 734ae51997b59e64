package org.telco.porting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telco.ledger.AccountFlag;
import org.telco.ledger.NewAccount;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.PurposeCode;
import org.telco.subscriber.SubscriberAccounts;

class SettlementAccountsTest {
  private static final OperatorId ALPHA = new OperatorId("alpha");
  private static final OperatorId BETA = new OperatorId("beta");
  private final SettlementAccounts accounts = new SettlementAccounts(List.of(ALPHA, BETA));

  @Test
  void everyOperatorHasAPrefundedAccountInTheOneSettlementFamily() {
    List<NewAccount> opened = accounts.accounts();

    assertThat(opened)
        .extracting(NewAccount::name)
        .containsExactly("prefunds-received", "settlement:alpha", "settlement:beta");
    assertThat(opened).extracting(a -> SubscriberAccounts.family(a.id())).containsOnly(256L);
    assertThat(opened.get(1).flags()).containsExactly(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS);
    assertThat(opened.get(0).flags()).isEmpty();
    assertThat(accounts.of(ALPHA)).isNotEqualTo(accounts.of(BETA));
    assertThatThrownBy(() -> accounts.of(new OperatorId("gamma")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void prefundingAndCompensationMoveBetweenTheRightAccountsUnderStableIds() {
    var prefund = accounts.prefund(ALPHA, "wire-7", 50_000);
    assertThat(prefund.id().value()).isEqualTo("prefund:alpha:wire-7");
    assertThat(prefund.debitAccountId()).isEqualTo(accounts.prefundsReceived());
    assertThat(prefund.creditAccountId()).isEqualTo(accounts.of(ALPHA));
    assertThat(prefund.code()).isEqualTo(PurposeCode.SETTLEMENT_PREFUND.code());

    var compensation = accounts.compensation("port-1", BETA, ALPHA, 2_300);
    assertThat(compensation.id()).isEqualTo(SettlementAccounts.compensationId("port-1"));
    assertThat(compensation.debitAccountId()).isEqualTo(accounts.of(BETA));
    assertThat(compensation.creditAccountId()).isEqualTo(accounts.of(ALPHA));
    assertThat(compensation.amount()).isEqualTo(2_300);
  }

  @Test
  void operatorsAreDistinctAndFitTheFamily() {
    assertThatThrownBy(() -> new SettlementAccounts(List.of(ALPHA, ALPHA)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
