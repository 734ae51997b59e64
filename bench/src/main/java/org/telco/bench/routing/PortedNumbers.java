package org.telco.bench.routing;

import java.util.AbstractCollection;
import java.util.BitSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.telco.porting.routing.Routing;
import org.telco.porting.routing.RoutingChange;
import org.telco.porting.routing.RoutingNumber;
import org.telco.porting.routing.RoutingRecord;
import org.telco.porting.routing.RoutingReplica;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;

/**
 * Distinct random numbers in the demo ranges ({@code 86138}, {@code 86186} and {@code 86189}
 * followed by 8 digits: 13-digit numbers, 300,000,000 of them), drawn with a fixed seed, each
 * ported to one of the three demo operators. A bit per possible number records which were drawn, so
 * that lookups for numbers that were not ported can be drawn just as cheaply.
 */
final class PortedNumbers {
  private static final long[] RANGES = {86138L, 86186L, 86189L};
  private static final long PER_RANGE = 100_000_000L;
  private static final int SPACE = (int) (RANGES.length * PER_RANGE);
  private static final List<Routing> RECIPIENTS =
      List.of(routing("alpha", "139000"), routing("beta", "139001"), routing("gamma", "139002"));

  private final BitSet drawn = new BitSet(SPACE);
  private final long[] numbers;

  /** Draws {@code count} distinct numbers. */
  PortedNumbers(int count, long seed) {
    if (count > SPACE / 2) {
      throw new IllegalArgumentException("at most " + SPACE / 2 + " numbers: " + count);
    }
    SplittableRandom random = new SplittableRandom(seed);
    numbers = new long[count];
    int i = 0;
    while (i < count) {
      int index = random.nextInt(SPACE);
      if (!drawn.get(index)) {
        drawn.set(index);
        numbers[i++] = number(index);
      }
    }
  }

  int count() {
    return numbers.length;
  }

  /** A replica that reached the numbers by one routing change each, versions 1 to count. */
  RoutingReplica loadByChanges() {
    RoutingReplica replica = new RoutingReplica();
    for (int i = 0; i < numbers.length; i++) {
      RoutingChange change =
          new RoutingChange.Ported(i + 1, new Msisdn(Long.toString(numbers[i])), routingOf(i));
      if (replica.apply(change) != RoutingReplica.Outcome.APPLIED) {
        throw new IllegalStateException("change not applied: " + change);
      }
    }
    return replica;
  }

  /** A replica that loaded the numbers as one snapshot, as a node does at start-up or resync. */
  RoutingReplica loadBySnapshot() {
    Collection<RoutingRecord> records =
        new AbstractCollection<>() {
          @Override
          public Iterator<RoutingRecord> iterator() {
            return IntStream.range(0, numbers.length)
                .mapToObj(
                    i -> new RoutingRecord(new Msisdn(Long.toString(numbers[i])), routingOf(i)))
                .iterator();
          }

          @Override
          public int size() {
            return numbers.length;
          }
        };
    RoutingReplica replica = new RoutingReplica();
    replica.loadSnapshot(numbers.length, records);
    return replica;
  }

  /**
   * {@code count} numbers to look up in random order: each a ported number with probability {@code
   * hitPercent}/100, otherwise a number of the same ranges that was not ported.
   */
  long[] queries(int count, int hitPercent, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] queries = new long[count];
    for (int i = 0; i < count; i++) {
      if (random.nextInt(100) < hitPercent) {
        queries[i] = numbers[random.nextInt(numbers.length)];
      } else {
        int index;
        do {
          index = random.nextInt(SPACE);
        } while (drawn.get(index));
        queries[i] = number(index);
      }
    }
    return queries;
  }

  /**
   * Whether {@code replica} answers every ported number with its routing and each of 1,000,000
   * numbers that were not ported with nothing.
   */
  boolean audit(RoutingReplica replica) {
    for (int i = 0; i < numbers.length; i++) {
      if (!replica.lookup(numbers[i]).equals(Optional.of(routingOf(i)))) {
        return false;
      }
    }
    for (long msisdn : queries(1_000_000, 0, 99L)) {
      if (replica.lookup(msisdn).isPresent()) {
        return false;
      }
    }
    return replica.size() == numbers.length;
  }

  private static Routing routingOf(int i) {
    return RECIPIENTS.get(i % RECIPIENTS.size());
  }

  private static long number(int index) {
    return RANGES[(int) (index / PER_RANGE)] * PER_RANGE + index % PER_RANGE;
  }

  private static Routing routing(String operator, String routingNumber) {
    return new Routing(new OperatorId(operator), new RoutingNumber(routingNumber));
  }
}
