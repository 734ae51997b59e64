package org.telco.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanBookTest {
  private static final PlanId BASIC = new PlanId("basic");
  private final InMemoryPlanFeeStore store = new InMemoryPlanFeeStore();
  private final PlanBook book = new PlanBook(PlanCatalog.demo(new OperatorId("alpha")), store);

  @Test
  void changedFeeIsInForceAndKept() {
    FeeChange change = book.changeMonthlyFee(BASIC, 900);

    assertThat(change).isInstanceOf(FeeChange.Changed.class);
    assertThat(book.current().find(BASIC).orElseThrow().monthlyFeeFen()).isEqualTo(900);
    PlanBook reopened = new PlanBook(PlanCatalog.demo(new OperatorId("alpha")), store);
    assertThat(reopened.current().find(BASIC).orElseThrow().monthlyFeeFen()).isEqualTo(900);
  }

  @Test
  void feeOutOfRangeOrUnknownPlanChangesNothing() {
    assertThat(book.changeMonthlyFee(BASIC, -1)).isInstanceOf(FeeChange.OutOfRange.class);
    assertThat(book.changeMonthlyFee(BASIC, PlanBook.MONTHLY_FEE_MAX_FEN + 1))
        .isInstanceOf(FeeChange.OutOfRange.class);
    assertThat(book.changeMonthlyFee(new PlanId("gold"), 100))
        .isInstanceOf(FeeChange.UnknownPlan.class);
    assertThat(book.current().find(BASIC).orElseThrow().monthlyFeeFen()).isEqualTo(800);
    assertThat(store.monthlyFeesFen()).isEmpty();
  }
}
