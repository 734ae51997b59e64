package org.telco.app;

import org.telco.engine.ShardedLedger;
import org.telco.ledger.AccountId;
import org.telco.subscriber.Shards;

/**
 * The ledger engine's shard routing as the prepaid domain sees it ({@link Shards}), so that house
 * accounts are opened on every shard and a subscriber's transfers stay on its own.
 *
 * @param ledger the engine
 */
public record EngineShards(ShardedLedger ledger) implements Shards {
  @Override
  public int count() {
    return ledger.shardCount();
  }

  @Override
  public int shardOf(AccountId id) {
    return ledger.shardOf(id);
  }
}
