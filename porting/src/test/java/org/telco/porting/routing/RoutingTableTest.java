package org.telco.porting.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutingTableTest {
  private static final long FIRST = 8613800000000L;

  private final RoutingTable table = new RoutingTable();

  @Test
  void numberWithoutRecordIsNotPorted() {
    assertThat(table.lookup(FIRST)).isEmpty();
    assertThat(table.code(FIRST)).isEqualTo(RoutingTable.NOT_PORTED);
    assertThat(table.lookup(Routings.msisdn(FIRST))).isEmpty();
  }

  @Test
  void portedNumberAnswersItsRouting() {
    assertThat(table.put(FIRST, Routings.of(2))).isTrue();

    assertThat(table.lookup(FIRST)).contains(Routings.of(2));
    assertThat(table.lookup(Routings.msisdn(FIRST))).contains(Routings.of(2));
    assertThat(table.routing(table.code(FIRST))).contains(Routings.of(2));
    assertThat(table.lookup(FIRST + 1)).isEmpty();
    assertThat(table.size()).isEqualTo(1);
  }

  @Test
  void laterPortReplacesTheEarlierRouting() {
    table.put(FIRST, Routings.of(2));

    assertThat(table.put(FIRST, Routings.of(3))).isFalse();

    assertThat(table.lookup(FIRST)).contains(Routings.of(3));
    assertThat(table.size()).isEqualTo(1);
  }

  @Test
  void removedNumberIsNotPortedAndCanPortAgain() {
    table.put(FIRST, Routings.of(2));

    assertThat(table.remove(FIRST)).isTrue();
    assertThat(table.lookup(FIRST)).isEmpty();
    assertThat(table.remove(FIRST)).isFalse();
    assertThat(table.size()).isZero();

    assertThat(table.put(FIRST, Routings.of(4))).isTrue();
    assertThat(table.lookup(FIRST)).contains(Routings.of(4));
  }

  @Test
  void shortestAndLongestNumbersAreKeptApart() {
    table.put(RoutingTable.MSISDN_MIN, Routings.of(1));
    table.put(RoutingTable.MSISDN_MAX, Routings.of(2));

    assertThat(table.lookup(RoutingTable.MSISDN_MIN)).contains(Routings.of(1));
    assertThat(table.lookup(RoutingTable.MSISDN_MAX)).contains(Routings.of(2));
    assertThat(table.lookup(Routings.msisdn(999_999_999_999_999L))).contains(Routings.of(2));
  }

  @Test
  void numbersOutsideEightToFifteenDigitsAreRejectedOrNotPorted() {
    table.put(FIRST, Routings.of(1));
    table.remove(FIRST);

    assertThatThrownBy(() -> table.put(RoutingTable.MSISDN_MIN - 1, Routings.of(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> table.put(RoutingTable.MSISDN_MAX + 1, Routings.of(1)))
        .isInstanceOf(IllegalArgumentException.class);
    // -1 is what a removed record leaves behind; asking for it must not find the tombstone.
    assertThat(table.code(-1L >>> 8)).isEqualTo(RoutingTable.NOT_PORTED);
    assertThat(table.remove(-1L >>> 8)).isFalse();
    assertThat(table.tombstones()).isEqualTo(1);
  }

  @Test
  void tableGrowsKeepingEveryRecordAndAtMostSixteenBytesPerNumber() {
    int count = 200_000;
    for (int i = 0; i < count; i++) {
      table.put(FIRST + i, Routings.of(i % 7));
      int size = i + 1;
      if (size >= 1_000) {
        assertThat(8L * table.capacity()).isLessThanOrEqualTo(16L * size);
      }
      assertThat(4L * size).isLessThanOrEqualTo(3L * table.capacity());
    }

    assertThat(table.rebuilds()).isGreaterThan(10);
    assertThat(table.size()).isEqualTo(count);
    for (int i = 0; i < count; i++) {
      assertThat(table.lookup(FIRST + i)).contains(Routings.of(i % 7));
    }
    assertThat(table.lookup(FIRST + count)).isEmpty();
    assertThat(table.lookup(FIRST - 1)).isEmpty();
  }

  @Test
  void presizedTableTakesItsExpectedNumbersWithoutRebuilding() {
    RoutingTable presized = new RoutingTable(100_000);
    for (int i = 0; i < 100_000; i++) {
      presized.put(FIRST + 7L * i, Routings.of(1));
    }

    assertThat(presized.rebuilds()).isZero();
    assertThat(presized.footprintBytes()).isLessThanOrEqualTo(16 + 12L * 100_000);
  }

  @Test
  void removingMostNumbersShrinksTheTable() {
    for (int i = 0; i < 10_000; i++) {
      table.put(FIRST + i, Routings.of(1));
    }
    int grown = table.capacity();

    for (int i = 0; i < 9_900; i++) {
      table.remove(FIRST + i);
    }

    assertThat(table.capacity()).isLessThan(grown / 8);
    for (int i = 9_900; i < 10_000; i++) {
      assertThat(table.lookup(FIRST + i)).contains(Routings.of(1));
    }
    assertThat(table.lookup(FIRST)).isEmpty();
  }

  @Test
  void churnOfPortsAndRepatriationsKeepsTheTableBounded() {
    for (int round = 0; round < 100_000; round++) {
      long msisdn = FIRST + round;
      table.put(msisdn, Routings.of(1));
      if (round >= 50) {
        table.remove(msisdn - 50);
      }
    }

    assertThat(table.size()).isEqualTo(50);
    assertThat(table.capacity()).isLessThanOrEqualTo(256);
    assertThat(table.lookup(FIRST + 99_999)).contains(Routings.of(1));
    assertThat(table.lookup(FIRST + 99_949)).isEmpty();
  }

  @Test
  void routingsShareCodesAndTheTwoHundredFiftySixthDistinctRoutingIsRefused() {
    for (int operator = 1; operator <= 255; operator++) {
      table.put(FIRST + operator, Routings.of(operator));
      table.put(FIRST + 1000 + operator, Routings.of(operator));
    }
    assertThat(table.routingCount()).isEqualTo(255);
    assertThat(table.code(FIRST + 255)).isEqualTo(255);
    assertThat(table.routing(RoutingTable.NOT_PORTED)).isEqualTo(Optional.empty());

    assertThatThrownBy(() -> table.put(FIRST, Routings.of(256)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(table.lookup(FIRST)).isEmpty();
  }

  @Test
  void lookupAllAnswersLikeSingleLookupsInOrder() {
    for (int i = 0; i < 5_000; i++) {
      table.put(FIRST + 3L * i, Routings.of(1 + i % 5));
    }
    long[] asked = new long[1_000];
    for (int i = 0; i < asked.length; i++) {
      asked[i] = i % 97 == 0 ? -5 : FIRST + i * 5L;
    }
    List<Optional<Routing>> answers = new ArrayList<>();

    int ported = table.lookupAll(asked, 3, 998, answers);

    assertThat(answers).hasSize(995);
    int expectedPorted = 0;
    for (int i = 3; i < 998; i++) {
      assertThat(answers.get(i - 3)).isEqualTo(table.lookup(asked[i]));
      expectedPorted += table.lookup(asked[i]).isPresent() ? 1 : 0;
    }
    assertThat(ported).isEqualTo(expectedPorted).isPositive();
    assertThatThrownBy(() -> table.lookupAll(asked, 10, 1_001, answers))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
