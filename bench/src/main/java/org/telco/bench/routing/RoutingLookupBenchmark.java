package org.telco.bench.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;
import org.telco.porting.routing.Routing;
import org.telco.porting.routing.RoutingReplica;

/**
 * Lookups per second in a routing replica holding {@link #NUMBERS} ported numbers, half of the
 * lookups for ported numbers and half for numbers that are not, in random order. Each invocation
 * looks up {@link #BATCH} consecutive numbers of the thread's own query list, so JMH's own cost per
 * call is spread over many lookups: {@code lookups} one at a time through {@link
 * RoutingReplica#lookup(long)}, as a node routing one SMS does, and {@code lookupAll} through
 * {@link RoutingReplica#lookupAll}, which overlaps the memory waits of a group of lookups.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RoutingLookupBenchmark {
  /** Ported numbers in the replica. */
  public static final int NUMBERS = 10_000_000;

  /** Lookups per benchmark call. */
  public static final int BATCH = 1024;

  /** Numbers in each thread's query list (32 MiB), repeated in a loop. */
  public static final int QUERIES = 1 << 22;

  /** Percentage of lookups that ask for a ported number. */
  public static final int HIT_PERCENT = 50;

  /** The replica, shared by all threads, loaded once per fork. */
  @State(Scope.Benchmark)
  public static class Loaded {
    /** How the replica got its numbers: {@code changes} or {@code snapshot}. */
    @Param({"snapshot", "changes"})
    public String load;

    PortedNumbers numbers;
    RoutingReplica replica;

    /** Draws the numbers and loads the replica. */
    @Setup(Level.Trial)
    public void load() {
      numbers = new PortedNumbers(NUMBERS, 20261122L);
      replica =
          switch (load) {
            case "changes" -> numbers.loadByChanges();
            case "snapshot" -> numbers.loadBySnapshot();
            default -> throw new IllegalArgumentException("load is changes or snapshot: " + load);
          };
    }
  }

  /** One thread's list of numbers to look up and its place in it. */
  @State(Scope.Thread)
  public static class Queries {
    long[] msisdns;
    int next;
    final List<Optional<Routing>> answers = new ArrayList<>(BATCH);

    /** Draws this thread's list with a seed of its own. */
    @Setup(Level.Trial)
    public void draw(Loaded loaded, ThreadParams thread) {
      msisdns = loaded.numbers.queries(QUERIES, HIT_PERCENT, 7_000L + thread.getThreadIndex());
    }
  }

  /** Looks up {@link #BATCH} numbers and answers how many were ported. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int lookups(Loaded loaded, Queries queries) {
    RoutingReplica replica = loaded.replica;
    long[] msisdns = queries.msisdns;
    int start = queries.next;
    queries.next = (start + BATCH) & (QUERIES - 1);
    int ported = 0;
    for (int i = start; i < start + BATCH; i++) {
      if (replica.lookup(msisdns[i]).isPresent()) {
        ported++;
      }
    }
    return ported;
  }

  /** The same lookups through {@link RoutingReplica#lookupAll}, {@link BATCH} at a time. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int lookupAll(Loaded loaded, Queries queries) {
    int start = queries.next;
    queries.next = (start + BATCH) & (QUERIES - 1);
    queries.answers.clear();
    return loaded.replica.lookupAll(queries.msisdns, start, start + BATCH, queries.answers);
  }
}
