package org.telco.ledger;

import java.util.Collection;

/**
 * The ledger's global invariants: per asset, debits equal credits (posted and pending separately),
 * and no account breaches its limit flag. Sums are kept in 128 bits, since many accounts may
 * together exceed a long even though each balance fits.
 */
final class Conservation {
  private static final int SUMS_PER_ASSET = 4;

  private Conservation() {}

  /** Throws {@link IllegalStateException} naming the first invariant that does not hold. */
  static void check(Collection<Balances> accounts) {
    Asset[] assets = Asset.values();
    Sum[] sums = new Sum[assets.length * SUMS_PER_ASSET];
    for (int i = 0; i < sums.length; i++) {
      sums[i] = new Sum();
    }
    for (Balances account : accounts) {
      if (account.breachesLimit()) {
        throw new IllegalStateException("account " + account.id + " breaches its limit flag");
      }
      int base = account.asset.ordinal() * SUMS_PER_ASSET;
      sums[base].add(account.debitsPosted);
      sums[base + 1].add(account.creditsPosted);
      sums[base + 2].add(account.debitsPending);
      sums[base + 3].add(account.creditsPending);
    }
    for (Asset asset : assets) {
      int base = asset.ordinal() * SUMS_PER_ASSET;
      if (!sums[base].sameAs(sums[base + 1])) {
        throw new IllegalStateException(asset + ": posted debits differ from posted credits");
      }
      if (!sums[base + 2].sameAs(sums[base + 3])) {
        throw new IllegalStateException(asset + ": pending debits differ from pending credits");
      }
    }
  }

  /** A 128-bit running total of non-negative longs. */
  private static final class Sum {
    private long high;
    private long low;

    void add(long value) {
      long next = low + value;
      if (Long.compareUnsigned(next, low) < 0) {
        high++;
      }
      low = next;
    }

    boolean sameAs(Sum other) {
      return high == other.high && low == other.low;
    }
  }
}
