package org.telco.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsMessageTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @ParameterizedTest
  @CsvSource({
    "10086, 8613800000001",
    "8613800000002, 8613800000001",
    "955, 12345678",
    "TELCO, 8613800000001",
    "ICBC 95588, 8613800000001"
  })
  void shortCodeMsisdnOrSenderNameMaySendToAMsisdn(String from, String to) {
    assertThat(new SmsMessage("m:1", from, to, "hi", T0).to()).isEqualTo(to);
  }

  @ParameterizedTest
  @CsvSource({
    "m:1, 95, 8613800000001",
    "m:1, A-NAME-TOO-LONG, 8613800000001",
    "m:1, 12, 8613800000001",
    "m:1, 10086, 10086",
    "m:1, 10086, +8613800000001",
    "' ', 10086, 8613800000001"
  })
  void anythingElseIsRejected(String id, String from, String to) {
    assertThatThrownBy(() -> new SmsMessage(id, from, to, "hi", T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void aBatchCarriesItsMessagesInOrderDueWhenItSays() {
    Instant at = Instant.parse("2026-03-01T15:00:00Z");
    Instant due = Instant.parse("2026-03-02T00:00:00Z");
    SmsMessage first = new SmsMessage("bill:1", "10086", "8613800000001", "line one\nline two", at);
    SmsMessage second = new SmsMessage("bill:2", "10086", "8613800000002", "余额", at);
    var batch = SmsMessages.batch("b-1", java.util.List.of(first, second), due);

    assertThat(batch.id()).isEqualTo("sms:b-1");
    assertThat(batch.nextAttemptAt()).isEqualTo(due);
    assertThat(SmsMessages.smsAll(batch)).containsExactly(first, second);
    assertThat(SmsMessages.smsAll(SmsMessages.message(first))).containsExactly(first);
    assertThatThrownBy(() -> SmsMessages.batch("b-2", java.util.List.of(), due))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
