package org.telco.bench;

import java.util.SplittableRandom;
import org.telco.engine.ShardRouting;
import org.telco.ledger.AccountId;

/**
 * Picks the two accounts of a transfer uniformly among the customer accounts {@code 1..accounts},
 * both on the same shard because the engine rejects transfers across shards. The accounts are
 * grouped by shard once, with the engine's own routing rule; with one shard any two different
 * accounts may meet.
 */
final class AccountPicker {
  private final long accounts;
  private final long[][] byShard;
  private final int[] shardOf;

  AccountPicker(long accounts, int shards) {
    this.accounts = accounts;
    ShardRouting routing = new ShardRouting(shards);
    int[] counts = new int[shards];
    shardOf = new int[Math.toIntExact(accounts + 1)];
    for (long id = 1; id <= accounts; id++) {
      shardOf[(int) id] = routing.shardOf(new AccountId(id));
      counts[shardOf[(int) id]]++;
    }
    byShard = new long[shards][];
    for (int s = 0; s < shards; s++) {
      byShard[s] = new long[counts[s]];
      counts[s] = 0;
    }
    for (long id = 1; id <= accounts; id++) {
      int shard = shardOf[(int) id];
      byShard[shard][counts[shard]++] = id;
    }
  }

  /** Any customer account. */
  long any(SplittableRandom random) {
    return 1 + random.nextLong(accounts);
  }

  /** Another customer account on the same shard as {@code account}. */
  long partnerOf(long account, SplittableRandom random) {
    long[] sameShard = byShard[shardOf[(int) account]];
    while (true) {
      long other = sameShard[random.nextInt(sameShard.length)];
      if (other != account) {
        return other;
      }
    }
  }
}
