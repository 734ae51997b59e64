package org.telco.subscriber;

import org.telco.ledger.AccountId;

/**
 * How the node spreads ledger accounts over shards (port). The app implements it with the engine's
 * family routing; the domain needs it only to pick the house accounts that share a shard with a
 * subscriber, because a transfer cannot span two shards.
 *
 * <p>Implementations must route whole families: every id with the same {@code id >>> 8} goes to the
 * same shard, and family {@code s} of a house account goes to shard {@code s} (which holds for
 * {@code (id >>> 8) mod count}). {@link SubscriberAccounts} checks the second rule when built.
 */
public interface Shards {
  /** How many shards there are, 1 to 256. */
  int count();

  /** The shard, 0 to {@code count() - 1}, that owns the account. */
  int shardOf(AccountId id);
}
