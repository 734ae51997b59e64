package org.telco.bench;

import java.time.Duration;
import org.telco.engine.ShardRouting;

/**
 * The load both runs of the ledger benchmark get, so that their figures compare.
 *
 * @param accounts customer accounts, ids 1 to {@code accounts}
 * @param submitters client threads, each with one request in flight
 * @param warmup time run before measuring, not counted
 * @param measured time whose completed requests are counted
 * @param batch transfers per engine request (the baseline always sends one)
 * @param shards engine shards
 */
record LoadShape(
    int accounts, int submitters, Duration warmup, Duration measured, int batch, int shards) {
  /** What every customer account is funded with before the load starts, in fen. */
  static final long OPENING_BALANCE = 10_000;

  /** Largest amount one transfer moves, in fen; amounts are uniform in 1 to this. */
  static final int AMOUNT_MAX = 100;

  /** Rejects shapes that cannot run. */
  LoadShape {
    if (shards < 1 || shards > 256) {
      throw new IllegalArgumentException("--shards must be 1-256");
    }
    if (accounts < (1L << ShardRouting.FAMILY_BITS) * shards) {
      throw new IllegalArgumentException(
          "--accounts must be at least 256 x shards, so every shard owns a family of accounts");
    }
    if (submitters < 1 || batch < 1) {
      throw new IllegalArgumentException("--submitters and --batch must be positive");
    }
    if (warmup.isNegative() || measured.isNegative() || measured.isZero()) {
      throw new IllegalArgumentException(
          "--seconds must be positive, --warmup-seconds not negative");
    }
  }

  /** The id of the unlimited account that funds the customers of {@code shard}. */
  long fundingAccount(int shard) {
    long firstFamily = (accounts >>> ShardRouting.FAMILY_BITS) + 1;
    long family = firstFamily + Math.floorMod(shard - firstFamily, (long) shards);
    return ShardRouting.member(family, 0).value();
  }
}
