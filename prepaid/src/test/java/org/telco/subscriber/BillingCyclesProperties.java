package org.telco.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Walking from cycle to cycle of any subscription: every start is later than the one before, falls
 * in the very next month (never skipping or repeating one), at the start of the day, on the
 * subscription's day-of-month or the month's last day when it is shorter. Zones with daylight
 * saving time that starts at midnight (Sao Paulo until 2019) start such a cycle at the first
 * instant of the day.
 */
class BillingCyclesProperties {
  @Provide
  Arbitrary<Instant> subscriptionTimes() {
    return Arbitraries.longs()
        .between(
            Instant.parse("2000-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("2099-12-31T23:59:59Z").getEpochSecond())
        .map(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(
        ZoneId.of("UTC"),
        ZoneId.of("Asia/Shanghai"),
        ZoneId.of("America/Sao_Paulo"),
        ZoneId.of("Pacific/Kiritimati"));
  }

  @Property
  void cyclesAdvanceOneMonthAtATimeOnTheAnchorDay(
      @ForAll("subscriptionTimes") Instant subscribedAt,
      @ForAll("zones") ZoneId zone,
      @ForAll @IntRange(min = 1, max = 40) int cycles) {
    BillingCycles billing = new BillingCycles(zone);
    LocalDate anchor = billing.anchor(subscribedAt);
    Instant previous = subscribedAt;
    YearMonth previousMonth = YearMonth.from(anchor);
    for (int k = 1; k <= cycles; k++) {
      Instant next = billing.nextStartAfter(subscribedAt, previous);
      LocalDate date = billing.dateOf(next);
      YearMonth month = YearMonth.from(date);

      assertThat(next).isAfter(previous);
      assertThat(month).isEqualTo(previousMonth.plusMonths(1));
      assertThat(date.getDayOfMonth())
          .isEqualTo(Math.min(anchor.getDayOfMonth(), month.lengthOfMonth()));
      assertThat(next).isEqualTo(date.atStartOfDay(zone).toInstant());
      assertThat(next).isEqualTo(billing.start(subscribedAt, k));

      previous = next;
      previousMonth = month;
    }
  }

  @Property
  void nextStartAfterAnyInstantIsTheFirstCycleAfterIt(
      @ForAll("subscriptionTimes") Instant subscribedAt,
      @ForAll @IntRange(min = 0, max = 3_000) int daysLater,
      @ForAll @IntRange(min = 0, max = 86_399) int secondsIntoDay) {
    BillingCycles billing = new BillingCycles(ZoneId.of("Asia/Shanghai"));
    Instant instant = subscribedAt.plusSeconds(daysLater * 86_400L + secondsIntoDay);

    Instant next = billing.nextStartAfter(subscribedAt, instant);

    assertThat(next).isAfter(instant);
    long k = 0;
    while (!billing.start(subscribedAt, k).equals(next)) {
      k++;
      assertThat(k).isLessThan(200);
    }
    assertThat(billing.start(subscribedAt, k - 1)).isBeforeOrEqualTo(instant);
  }
}
