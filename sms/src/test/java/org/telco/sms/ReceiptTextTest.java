package org.telco.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReceiptTextTest {
  private final ShortMessage message =
      new ShortMessage(
          "4516f65c0a1b2c3d",
          new Origin.Esme("bank1"),
          "95588",
          "8618600000001",
          "Your code is 123456, valid for 5 minutes",
          true,
          Instant.parse("2026-11-22T10:49:30Z"));

  @Test
  void deliveredInTheStandardFormat() {
    MessageRecord record =
        new MessageRecord(
            message, MessageState.DELIVERED, "peer:beta", Instant.parse("2026-11-22T10:50:01Z"));

    assertThat(ReceiptText.of(record))
        .isEqualTo(
            "id:4516f65c0a1b2c3d sub:001 dlvrd:001 submit date:2611221049 done date:2611221050"
                + " stat:DELIVRD err:000 text:Your code is 123456,");
  }

  @Test
  void undeliverableSaysSo() {
    MessageRecord record =
        new MessageRecord(
            message, MessageState.UNDELIVERABLE, "none:unknown-number", message.acceptedAt());

    assertThat(ReceiptText.of(record)).contains("dlvrd:000").contains("stat:UNDELIV err:001");
  }
}
