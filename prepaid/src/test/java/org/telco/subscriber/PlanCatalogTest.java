package org.telco.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCatalogTest {
  @Test
  void demoCatalogueHasAtLeastFourPlansWithDifferentFees() {
    for (OperatorProfile operator : OperatorProfiles.allInOne().operators()) {
      PlanCatalog catalog = PlanCatalog.demo(operator.id());

      assertThat(catalog.plans()).hasSizeGreaterThanOrEqualTo(4);
      assertThat(catalog.plans()).extracting(Plan::monthlyFeeFen).doesNotHaveDuplicates();
      assertThat(catalog.plans()).allMatch(p -> p.monthlyFeeFen() > 0);
      assertThat(catalog.operatorId()).isEqualTo(operator.id());
    }
  }

  @Test
  void demoFeesDifferBetweenOperators() {
    List<Long> alpha = PlanCatalog.demo(new OperatorId("alpha")).monthlyFeesAscendingFen();
    List<Long> beta = PlanCatalog.demo(new OperatorId("beta")).monthlyFeesAscendingFen();
    List<Long> gamma = PlanCatalog.demo(new OperatorId("gamma")).monthlyFeesAscendingFen();

    assertThat(alpha).doesNotContainAnyElementsOf(beta).doesNotContainAnyElementsOf(gamma);
    assertThat(beta).doesNotContainAnyElementsOf(gamma);
  }

  @Test
  void feesComeSmallestFirst() {
    PlanCatalog catalog =
        new PlanCatalog(
            new OperatorId("alpha"),
            List.of(
                new Plan(new PlanId("b"), "B", 3_000, 0, 10),
                new Plan(new PlanId("a"), "A", 1_000, 0, 10),
                new Plan(new PlanId("c"), "C", 2_000, 0, 10)));

    assertThat(catalog.monthlyFeesAscendingFen()).containsExactly(1_000L, 2_000L, 3_000L);
    assertThat(catalog.find(new PlanId("c")).orElseThrow().name()).isEqualTo("C");
    assertThat(catalog.find(new PlanId("d"))).isEmpty();
  }

  @Test
  void planIdsAreUniqueInACatalogue() {
    Plan plan = new Plan(new PlanId("a"), "A", 1_000, 0, 10);

    assertThatThrownBy(() -> new PlanCatalog(new OperatorId("alpha"), List.of(plan, plan)))
        .hasMessageContaining("unique");
  }

  @Test
  void planAmountsAreNeverNegative() {
    PlanId id = new PlanId("a");

    assertThatThrownBy(() -> new Plan(id, "A", -1, 0, 0)).hasMessageContaining("monthlyFeeFen");
    assertThatThrownBy(() -> new Plan(id, "A", 0, -1, 0)).hasMessageContaining("includedDataBytes");
    assertThatThrownBy(() -> new Plan(id, "A", 0, 0, -1))
        .hasMessageContaining("payAsYouGoFenPerMegabyte");
    assertThatThrownBy(() -> new Plan(id, " ", 0, 0, 0)).hasMessageContaining("name");
    assertThatThrownBy(() -> new PlanId("Basic")).isInstanceOf(IllegalArgumentException.class);
  }
}
