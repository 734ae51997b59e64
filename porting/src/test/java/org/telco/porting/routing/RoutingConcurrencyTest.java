package org.telco.porting.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.telco.porting.routing.RoutingChange.Ported;
import org.telco.porting.routing.RoutingChange.Repatriated;
import org.telco.porting.routing.RoutingReplica.Outcome;

/**
 * One writer applies a million routing changes (ports, ports again, repatriations, over a pool of
 * numbers that widens as it goes so the table keeps growing, with a snapshot swapped in now and
 * then) while two readers look numbers up without pause. Each number's routings follow a fixed
 * sequence: after its j-th change it has {@link #expected}(number, j). The writer bumps {@code
 * started[number]} before a change and {@code committed[number]} after it; a reader reads committed
 * before its lookup and started after it, so the answer must be the routing after one of the
 * changes in between: the old or the new one, never anything else. Numbers outside the pool must
 * never be found. Most lookups go one at a time, some 64 at a time through lookupAll.
 */
class RoutingConcurrencyTest {
  private static final int POOL = 200_000;
  private static final int CHANGES = 1_000_000;
  private static final int SNAPSHOT_EVERY = 250_000;
  private static final long PORTED_BASE = 8613800000000L;
  private static final long NEVER_PORTED_BASE = 8618900000000L;

  private final AtomicIntegerArray started = new AtomicIntegerArray(POOL);
  private final AtomicIntegerArray committed = new AtomicIntegerArray(POOL);
  private final RoutingReplica replica = new RoutingReplica();
  private final AtomicBoolean writing = new AtomicBoolean(true);
  private final AtomicReference<String> firstWrongAnswer = new AtomicReference<>();
  private final AtomicLong lookups = new AtomicLong();

  @Test
  void readersSeeTheOldOrTheNewRoutingWhileOneWriterAppliesChanges() throws InterruptedException {
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      long seed = 1000 + r;
      readers.add(Thread.ofPlatform().name("reader-" + r).start(() -> read(seed)));
    }
    Thread writer = Thread.ofPlatform().name("writer").start(this::write);
    writer.join(120_000);
    writing.set(false);
    for (Thread reader : readers) {
      reader.join(10_000);
    }

    assertThat(writer.isAlive()).as("writer finished").isFalse();
    assertThat(firstWrongAnswer.get()).isNull();
    assertThat(replica.version()).isEqualTo(CHANGES);
    assertThat(lookups.get()).isGreaterThan(10_000);
    for (int number = 0; number < POOL; number++) {
      assertThat(replica.lookup(ported(number))).isEqualTo(expected(number, committed.get(number)));
    }
  }

  private void write() {
    SplittableRandom random = new SplittableRandom(42);
    for (int version = 1; version <= CHANGES; version++) {
      int number = random.nextInt(Math.min(POOL, 16 + version / 4));
      int j = started.get(number) + 1;
      started.set(number, j);
      Optional<Routing> routing = expected(number, j);
      RoutingChange change =
          routing.isPresent()
              ? new Ported(version, Routings.msisdn(ported(number)), routing.get())
              : new Repatriated(version, Routings.msisdn(ported(number)));
      if (replica.apply(change) != Outcome.APPLIED) {
        firstWrongAnswer.compareAndSet(null, "change not applied: " + change);
        return;
      }
      committed.set(number, j);
      if (version % SNAPSHOT_EVERY == 0) {
        replica.loadSnapshot(version, records());
      }
    }
  }

  private List<RoutingRecord> records() {
    List<RoutingRecord> records = new ArrayList<>();
    for (int number = 0; number < POOL; number++) {
      Optional<Routing> routing = expected(number, committed.get(number));
      if (routing.isPresent()) {
        records.add(new RoutingRecord(Routings.msisdn(ported(number)), routing.get()));
      }
    }
    return records;
  }

  private void read(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    while (writing.get() && firstWrongAnswer.get() == null) {
      for (int i = 0; i < 1_000; i++) {
        if (random.nextInt(10) == 0) {
          long never = NEVER_PORTED_BASE + random.nextInt(POOL);
          Optional<Routing> answer = replica.lookup(never);
          if (answer.isPresent()) {
            firstWrongAnswer.compareAndSet(
                null, never + " was never ported but answered " + answer);
          }
          continue;
        }
        int number = random.nextInt(POOL);
        int before = committed.get(number);
        Optional<Routing> answer = replica.lookup(ported(number));
        int after = started.get(number);
        if (!isAnyOf(answer, number, before, after)) {
          firstWrongAnswer.compareAndSet(
              null,
              ported(number) + " answered " + answer + " between changes " + before + "-" + after);
        }
      }
      lookups.addAndGet(1_000);
      readBatch(random);
    }
  }

  /** The same check through {@link RoutingReplica#lookupAll}, for 64 numbers in one call. */
  private void readBatch(SplittableRandom random) {
    int[] numbers = new int[64];
    long[] msisdns = new long[numbers.length];
    int[] before = new int[numbers.length];
    for (int k = 0; k < numbers.length; k++) {
      numbers[k] = random.nextInt(POOL);
      msisdns[k] = ported(numbers[k]);
      before[k] = committed.get(numbers[k]);
    }
    List<Optional<Routing>> answers = new ArrayList<>();
    replica.lookupAll(msisdns, 0, msisdns.length, answers);
    for (int k = 0; k < numbers.length; k++) {
      int after = started.get(numbers[k]);
      if (!isAnyOf(answers.get(k), numbers[k], before[k], after)) {
        firstWrongAnswer.compareAndSet(
            null,
            msisdns[k]
                + " answered "
                + answers.get(k)
                + " in a batch between changes "
                + before[k]
                + "-"
                + after);
      }
    }
    lookups.addAndGet(numbers.length);
  }

  private static boolean isAnyOf(Optional<Routing> answer, int number, int from, int to) {
    for (int j = from; j <= to; j++) {
      if (answer.equals(expected(number, j))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The routing of pool number {@code number} after its j-th change; every 4th is a return home.
   */
  private static Optional<Routing> expected(int number, int j) {
    if (j == 0 || j % 4 == 3) {
      return Optional.empty();
    }
    return Optional.of(Routings.of(1 + (number * 31 + j) % 20));
  }

  private static long ported(int number) {
    return PORTED_BASE + 7919L * number;
  }
}
