package org.telco.subscriber;

import org.telco.ledger.AccountId;

/**
 * The engine's family routing, written out again for tests of this module, which cannot see the
 * engine: a family lives on shard {@code (id >>> 8) mod count}.
 *
 * @param count the number of shards
 */
public record FamilyShards(int count) implements Shards {
  @Override
  public int shardOf(AccountId id) {
    return (int) Math.floorMod(id.value() >>> 8, (long) count);
  }
}
