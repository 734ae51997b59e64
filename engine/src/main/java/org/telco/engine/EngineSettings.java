package org.telco.engine;

import org.telco.ledger.Ledger;

/**
 * How the engine is sized.
 *
 * @param shardCount how many single-writer shards split the accounts
 * @param batchWeightMax most transfers and accounts one group commit carries
 * @param queueCapacity commands a shard queues before submitters wait
 * @param transferWindow how many of the newest transfers each shard holds in memory (see {@link
 *     Ledger}); older ones are read from the store when a request names them
 */
public record EngineSettings(
    int shardCount, int batchWeightMax, int queueCapacity, int transferWindow) {
  /** Two shards, commits of up to 8,192 transfers: fits a two-core machine. */
  public static final EngineSettings DEFAULT =
      new EngineSettings(2, 8192, 16384, Ledger.DEFAULT_WINDOW);

  /** Rejects sizes that cannot work. */
  public EngineSettings {
    if (shardCount < 1 || shardCount > 256) {
      throw new IllegalArgumentException("shardCount must be 1-256: " + shardCount);
    }
    if (batchWeightMax < 1 || queueCapacity < 1 || transferWindow < 1) {
      throw new IllegalArgumentException(
          "batchWeightMax, queueCapacity and transferWindow must be positive");
    }
  }

  /** The same settings with another shard count. */
  public EngineSettings withShardCount(int count) {
    return new EngineSettings(count, batchWeightMax, queueCapacity, transferWindow);
  }

  /** The same settings with another transfer window. */
  public EngineSettings withTransferWindow(int window) {
    return new EngineSettings(shardCount, batchWeightMax, queueCapacity, window);
  }
}
