package org.telco.charging;

import java.util.Objects;
import org.telco.ledger.AccountId;
import org.telco.ledger.TransferId;
import org.telco.traffic.BucketId;

/**
 * Part of a grant: a pending transfer that holds data in a bucket, or money for pay-as-you-go data,
 * until the usage is reported.
 *
 * @param pendingId the pending transfer
 * @param account the account it holds from (a bucket, or the money account)
 * @param bucket the bucket, or null for money
 * @param bytes the data it covers
 * @param fen the money it holds (0 for a bucket)
 */
public record Reservation(
    TransferId pendingId, AccountId account, BucketId bucket, long bytes, long fen) {
  /** Checks the amounts. */
  public Reservation {
    Objects.requireNonNull(pendingId, "pendingId");
    Objects.requireNonNull(account, "account");
    if (bytes <= 0 || fen < 0 || (bucket != null) == (fen > 0)) {
      throw new IllegalArgumentException("a bucket holds bytes, money holds fen for bytes");
    }
  }

  /** What it holds in its account's own unit: fen for money, bytes for a bucket. */
  public long amount() {
    return isMoney() ? fen : bytes;
  }

  /** Whether it holds money. */
  public boolean isMoney() {
    return bucket == null;
  }
}
