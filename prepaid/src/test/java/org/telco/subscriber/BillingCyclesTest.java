package org.telco.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillingCyclesTest {
  private static final BillingCycles SHANGHAI = new BillingCycles(ZoneId.of("Asia/Shanghai"));

  private static List<LocalDate> firstCycleDates(BillingCycles cycles, Instant at, int count) {
    List<LocalDate> dates = new ArrayList<>();
    Instant start = at;
    for (int i = 0; i < count; i++) {
      start = cycles.nextStartAfter(at, start);
      dates.add(cycles.dateOf(start));
    }
    return dates;
  }

  @Test
  void cyclesOfTheThirtyFirstClampToShortMonthsAndComeBack() {
    Instant at = Instant.parse("2026-01-31T10:15:00Z");

    assertThat(firstCycleDates(SubscriberFixtures.UTC_CYCLES, at, 6))
        .containsExactly(
            LocalDate.parse("2026-02-28"),
            LocalDate.parse("2026-03-31"),
            LocalDate.parse("2026-04-30"),
            LocalDate.parse("2026-05-31"),
            LocalDate.parse("2026-06-30"),
            LocalDate.parse("2026-07-31"));
  }

  @Test
  void leapYearFebruaryHasItsTwentyNinth() {
    Instant at = Instant.parse("2028-01-30T00:00:00Z");

    assertThat(firstCycleDates(SubscriberFixtures.UTC_CYCLES, at, 2))
        .containsExactly(LocalDate.parse("2028-02-29"), LocalDate.parse("2028-03-30"));
  }

  @Test
  void cycleStartsAtMidnightOfTheOperatorsZone() {
    // 17:00 UTC on 31 Jan is already 1 Feb in Shanghai: cycles fall on the 1st there.
    Instant at = Instant.parse("2026-01-31T17:00:00Z");

    assertThat(SHANGHAI.anchor(at)).isEqualTo(LocalDate.parse("2026-02-01"));
    assertThat(SHANGHAI.start(at, 1)).isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
    assertThat(SHANGHAI.dateOf(SHANGHAI.start(at, 1))).isEqualTo(LocalDate.parse("2026-03-01"));
  }

  @Test
  void welcomeCycleStartsOnTheSubscriptionDay() {
    Instant at = Instant.parse("2026-03-15T09:00:00Z");

    assertThat(SubscriberFixtures.UTC_CYCLES.start(at, 0))
        .isEqualTo(Instant.parse("2026-03-15T00:00:00Z"));
    assertThat(SubscriberFixtures.UTC_CYCLES.nextStartAfter(at, at))
        .isEqualTo(Instant.parse("2026-04-15T00:00:00Z"));
    assertThatThrownBy(() -> SubscriberFixtures.UTC_CYCLES.start(at, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nextStartAfterAnInstantDuringACycleIsTheFollowingCycle() {
    Instant at = Instant.parse("2026-01-31T10:00:00Z");
    BillingCycles cycles = SubscriberFixtures.UTC_CYCLES;

    assertThat(cycles.nextStartAfter(at, Instant.parse("2026-03-30T23:59:59Z")))
        .isEqualTo(Instant.parse("2026-03-31T00:00:00Z"));
    assertThat(cycles.nextStartAfter(at, Instant.parse("2026-03-31T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-04-30T00:00:00Z"));
    assertThat(cycles.nextStartAfter(at, Instant.parse("2027-02-28T00:00:00Z")))
        .isEqualTo(Instant.parse("2027-03-31T00:00:00Z"));
  }
}
