package org.telco.porting.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The table answers like a {@link HashMap} from number to routing, whatever mix of ports, ports
 * again and repatriations it gets, through growth, tombstone clean-up and shrinking. The numbers
 * come from a pool small enough that the same number is hit again and again.
 */
class RoutingTableProperties {
  private static final long BASE = 8618600000000L;

  /** One step: port number {@code index} of the pool to operator {@code operator}, or remove it. */
  record Step(boolean removal, int index, int operator) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 99).map(percent -> percent < 30),
                Arbitraries.integers().between(0, 2_999),
                Arbitraries.integers().between(1, 12))
            .as(Step::new);
    return step.list().ofMaxSize(6_000);
  }

  @Property(tries = 200)
  void tableAgreesWithAHashMapAfterEveryStep(
      @ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 1, max = 3_000) int poolSize) {
    RoutingTable table = new RoutingTable();
    Map<Long, Routing> model = new HashMap<>();
    for (Step step : steps) {
      long msisdn = number(step.index() % poolSize);
      if (step.removal()) {
        assertThat(table.remove(msisdn)).isEqualTo(model.remove(msisdn) != null);
      } else {
        Routing routing = Routings.of(step.operator());
        assertThat(table.put(msisdn, routing)).isEqualTo(model.put(msisdn, routing) == null);
      }
      assertThat(table.lookup(msisdn)).isEqualTo(Optional.ofNullable(model.get(msisdn)));
      assertThat(table.size()).isEqualTo(model.size());
    }
    for (int index = 0; index < poolSize; index++) {
      long msisdn = number(index);
      assertThat(table.lookup(msisdn)).isEqualTo(Optional.ofNullable(model.get(msisdn)));
    }
    assertThat(4L * (table.size() + table.tombstones())).isLessThanOrEqualTo(3L * table.capacity());
  }

  @Property(tries = 50)
  void numbersNeverPortedAreNeverFound(
      @ForAll @Size(max = 2_000) List<@IntRange(min = 0, max = 1_000_000) Integer> ported,
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 1_000_000) Integer> asked) {
    RoutingTable table = new RoutingTable();
    for (int index : ported) {
      table.put(number(index), Routings.of(1));
    }
    for (int index : asked) {
      assertThat(table.lookup(number(index)).isPresent()).isEqualTo(ported.contains(index));
    }
  }

  /**
   * Even indexes are consecutive numbers, odd ones a million apart (and above every even one), so
   * that the pool has both runs and scattered numbers.
   */
  private static long number(int index) {
    return index % 2 == 0 ? BASE + index : BASE + 2_000_000L + 1_000_000L * index;
  }
}
