package org.telco.engine;

import java.util.concurrent.atomic.LongAdder;

/** Counters a shard keeps about its group commits, read by metrics and benchmarks. */
public final class ShardStatistics {
  private final LongAdder batches = new LongAdder();
  private final LongAdder commands = new LongAdder();
  private final LongAdder transfers = new LongAdder();
  private final LongAdder busyNanos = new LongAdder();

  void recordBatch(int commandCount, int transferCount, long nanos) {
    batches.increment();
    commands.add(commandCount);
    transfers.add(transferCount);
    busyNanos.add(nanos);
  }

  /** Group commits done. */
  public long batches() {
    return batches.sum();
  }

  /** Commands answered. */
  public long commands() {
    return commands.sum();
  }

  /** Transfers committed. */
  public long transfers() {
    return transfers.sum();
  }

  /** Time spent applying and committing, in nanoseconds. */
  public long busyNanos() {
    return busyNanos.sum();
  }
}
