package org.telco.charging;

import java.util.Objects;
import org.telco.traffic.Bucket;

/**
 * A bucket that may pay for a grant, with what it holds available right now (posted credits less
 * posted and pending debits, as the ledger counts it).
 *
 * @param bucket the bucket
 * @param availableBytes what may still be reserved from it
 */
public record Payer(Bucket bucket, long availableBytes) {
  /** Checks the amount. */
  public Payer {
    Objects.requireNonNull(bucket, "bucket");
    if (availableBytes < 0) {
      throw new IllegalArgumentException("available is not negative");
    }
  }
}
