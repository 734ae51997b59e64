package org.telco.bench;

import java.util.SplittableRandom;

/**
 * Picks the two accounts of a transfer uniformly among the customer accounts, both on the
 * same shard (id mod shards) because the engine rejects transfers across shards. With one
 * shard any two different accounts may meet.
 */
final class AccountPicker {
  private final long accounts;
  private final int shards;

  AccountPicker(long accounts, int shards) {
    this.accounts = accounts;
    this.shards = shards;
  }

  /** Any customer account. */
  long any(SplittableRandom random) {
    return 1 + random.nextLong(accounts);
  }

  /** Another customer account on the same shard as {@code account}. */
  long partnerOf(long account, SplittableRandom random) {
    int residue = (int) (account % shards);
    long first = residue == 0 ? shards : residue;
    long count = (accounts - first) / shards + 1;
    while (true) {
      long other = first + shards * random.nextLong(count);
      if (other != account) {
        return other;
      }
    }
  }
}
