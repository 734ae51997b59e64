package org.telco.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final QuietHours night =
      new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), SHANGHAI);

  @Test
  void aWindowAcrossMidnightHoldsTheBillUntilMorning() {
    Instant lateEvening = Instant.parse("2026-03-10T15:30:00Z"); // 23:30 in Shanghai
    Instant earlyMorning = Instant.parse("2026-03-10T22:00:00Z"); // 06:00 next day

    assertThat(night.isQuiet(lateEvening)).isTrue();
    assertThat(night.nextSendable(lateEvening)).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
    assertThat(night.nextSendable(earlyMorning)).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
  }

  @Test
  void theDayIsNotQuietAndTheEdgesBelongWhereTheySay() {
    Instant noon = Instant.parse("2026-03-10T04:00:00Z");
    assertThat(night.nextSendable(noon)).isEqualTo(noon);
    assertThat(night.isQuiet(Instant.parse("2026-03-10T14:00:00Z"))).isTrue(); // 22:00 sharp
    assertThat(night.isQuiet(Instant.parse("2026-03-10T00:00:00Z"))).isFalse(); // 08:00 sharp
  }

  @Test
  void aWindowWithinOneDayAndNoWindowAtAll() {
    QuietHours siesta = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), SHANGHAI);
    assertThat(siesta.isQuiet(Instant.parse("2026-03-10T05:00:00Z"))).isTrue(); // 13:00
    assertThat(siesta.isQuiet(Instant.parse("2026-03-10T15:00:00Z"))).isFalse(); // 23:00
    assertThat(QuietHours.none(SHANGHAI).isQuiet(Instant.parse("2026-03-10T15:00:00Z"))).isFalse();
  }
}
