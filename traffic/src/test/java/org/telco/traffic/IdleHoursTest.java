package org.telco.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Idle-time buckets pay only inside their window, which may wrap midnight, and a grant from one is
 * valid no longer than the window; usage priority picks the payers of an app in order.
 */
class IdleHoursTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final IdleHours NIGHT = new IdleHours(LocalTime.of(23, 0), LocalTime.of(7, 0));

  @Test
  void aWindowAcrossMidnightContainsTheNightOnly() {
    assertThat(NIGHT.contains(at("2026-05-01T23:00:00"), SHANGHAI)).isTrue();
    assertThat(NIGHT.contains(at("2026-05-02T03:30:00"), SHANGHAI)).isTrue();
    assertThat(NIGHT.contains(at("2026-05-02T06:59:59"), SHANGHAI)).isTrue();
    assertThat(NIGHT.contains(at("2026-05-02T07:00:00"), SHANGHAI)).isFalse();
    assertThat(NIGHT.contains(at("2026-05-02T22:59:59"), SHANGHAI)).isFalse();
  }

  @Test
  void theWindowClosesAtItsEndOnTheRightDay() {
    assertThat(NIGHT.closingAfter(at("2026-05-01T23:30:00"), SHANGHAI))
        .isEqualTo(at("2026-05-02T07:00:00"));
    assertThat(NIGHT.closingAfter(at("2026-05-02T01:00:00"), SHANGHAI))
        .isEqualTo(at("2026-05-02T07:00:00"));
  }

  @Test
  void anIdleBucketPaysAtNightOnlyAndAGeneralOneAlways() {
    Instant night = at("2026-05-02T01:00:00");
    Instant day = at("2026-05-02T12:00:00");
    Bucket idle = active(TrafficFixtures.IDLE, "idle", 2, 0, night.minusSeconds(7_200));
    Bucket general = active(TrafficFixtures.ADD_ON, "general", 3, 1, night.minusSeconds(7_200));

    assertThat(
            UsagePriority.payersFor(List.of(general, idle), TrafficFixtures.VIDEO, night, SHANGHAI))
        .extracting(Bucket::id)
        .containsExactly(idle.id(), general.id());
    assertThat(
            UsagePriority.payersFor(List.of(general, idle), TrafficFixtures.VIDEO, day, SHANGHAI))
        .containsExactly(general);
    assertThat(idle.usableUntil(night, SHANGHAI)).isEqualTo(at("2026-05-02T07:00:00"));
  }

  private static Bucket active(
      TrafficProduct product, String id, int slot, int priority, Instant from) {
    return NewBucket.ofPack(
            new BucketId(id),
            TrafficFixtures.ALICE,
            TrafficFixtures.ALICE_FAMILY,
            product,
            from,
            SHANGHAI)
        .at(slot, priority)
        .withState(BucketState.ACTIVE);
  }

  private static Instant at(String localShanghai) {
    return java.time.LocalDateTime.parse(localShanghai).atZone(SHANGHAI).toInstant();
  }
}
