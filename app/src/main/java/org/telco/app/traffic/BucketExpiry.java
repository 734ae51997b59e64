package org.telco.app.traffic;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.telco.ledger.Account;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;
import org.telco.subscriber.TransferIds;
import org.telco.traffic.Bucket;
import org.telco.traffic.BucketState;
import org.telco.traffic.BucketStore;
import org.telco.traffic.TrafficAccounts;
import org.telco.traffic.TrafficPurpose;

/**
 * Closes buckets whose validity has ended: what they still hold moves to data expired ({@code
 * expire:<bucket>}), and they become EXPIRED, which frees their slot. A bucket stops paying at its
 * end at once (grants check validity); it is closed only {@link #GRACE} later, when every
 * reservation a session held on it has been settled or has expired in the ledger, so nothing
 * returns to it after it is emptied.
 */
final class BucketExpiry {
  /** Longer than any reservation's timeout (validity plus grace, at most 70 minutes by default). */
  static final Duration GRACE = Duration.ofHours(2);

  private final BucketStore buckets;
  private final DataLedger ledger;
  private final Clock clock;

  BucketExpiry(BucketStore buckets, DataLedger ledger, Clock clock) {
    this.buckets = buckets;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** Closes up to {@code limit} ended buckets; returns how many. */
  int closeEnded(int limit) {
    List<Bucket> ended = buckets.endedBefore(clock.instant().minus(GRACE), limit);
    for (Bucket bucket : ended) {
      close(bucket);
    }
    return ended.size();
  }

  private void close(Bucket bucket) {
    long left = ledger.account(bucket.account()).map(Account::availableCredit).orElse(0L);
    if (left > 0) {
      TransferResult moved =
          ledger.submit(
              TransferRequest.posted(
                  TransferIds.of("expire", bucket.id().value()),
                  bucket.account(),
                  ledger.houseBeside(bucket.account(), TrafficAccounts.DATA_EXPIRED),
                  left,
                  TrafficPurpose.DATA_EXPIRED.code()));
      if (moved instanceof TransferResult.Rejected rejected) {
        throw new IllegalStateException("expiring " + bucket.id() + ": " + rejected.reason());
      }
    }
    buckets.move(bucket.id(), BucketState.ACTIVE, BucketState.EXPIRED);
  }
}
