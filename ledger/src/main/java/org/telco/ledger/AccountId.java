package org.telco.ledger;

/**
 * Identifies a ledger account. Chosen by the client, positive, never reused.
 *
 * @param value the positive id
 */
public record AccountId(long value) implements Comparable<AccountId> {
  /** Rejects ids that are zero or negative. */
  public AccountId {
    if (value <= 0) {
      throw new IllegalArgumentException("account id must be positive: " + value);
    }
  }

  @Override
  public int compareTo(AccountId other) {
    return Long.compare(value, other.value);
  }

  /**
   * Spreads the ids over a hash table's buckets. Subscribers' accounts are numbered {@code family
   * << 8 | member}, so the low bits take only a few values, and the record's default (the bits of
   * {@link Long#hashCode}) left a shard's map of a million accounts using about a sixteenth of its
   * buckets, with lookups walking collision trees. Multiplying by an odd constant (the 64-bit
   * golden ratio) carries every bit of the id into the high half, which is folded into the low.
   */
  @Override
  public int hashCode() {
    long mixed = value * 0x9E3779B97F4A7C15L;
    return (int) (mixed ^ (mixed >>> 32));
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
