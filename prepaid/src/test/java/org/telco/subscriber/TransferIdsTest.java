package org.telco.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.telco.ledger.TransferId;

class TransferIdsTest {
  @Test
  void shortIdsAreReadable() {
    assertThat(TransferIds.of("refund", "p-1", "r-1")).isEqualTo(new TransferId("refund:p-1:r-1"));
    assertThat(TransferIds.of("payment", "x".repeat(56)).value())
        .hasSize(64)
        .startsWith("payment:");
  }

  @Test
  void idsTooLongForTheLedgerTakeADeterministicDigestForm() {
    String paymentId = "p".repeat(64);

    TransferId id = TransferIds.of("refund", paymentId, "r-1");

    assertThat(id.value()).startsWith("refund.h:").hasSize("refund.h:".length() + 48);
    assertThat(TransferIds.of("refund", paymentId, "r-1")).isEqualTo(id);
    assertThat(TransferIds.of("refund", paymentId, "r-2")).isNotEqualTo(id);
    assertThat(TransferIds.of("payment", "x".repeat(57)).value()).startsWith("payment.h:");
  }

  @Test
  void onlyTheFirstPartMayContainAColonSoIdsSplitOneWayOnly() {
    assertThat(TransferIds.of("refund", "a:b", "c")).isEqualTo(new TransferId("refund:a:b:c"));
    assertThatThrownBy(() -> TransferIds.of("refund", "a", "b:c"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
