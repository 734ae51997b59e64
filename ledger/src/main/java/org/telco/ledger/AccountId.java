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

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
