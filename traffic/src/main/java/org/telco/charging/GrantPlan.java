package org.telco.charging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.telco.traffic.Bucket;

/**
 * How a grant is drawn: from the paying buckets in usage priority order, each giving what it has
 * until the quota is covered, then from money at the plan's pay-as-you-go price. One written
 * rounding rule: money for data is {@code ceilDiv(bytes * fenPerMegabyte, 10^6)}, and money buys
 * only the bytes it covers in full.
 *
 * @param parts what to reserve, buckets first in priority order, money last
 * @param grantedBytes their sum
 * @param lastOfFunds whether the quota could not be covered in full: this is the final grant
 */
public record GrantPlan(List<Part> parts, long grantedBytes, boolean lastOfFunds) {
  /** A megabyte: pay-as-you-go prices are per started megabyte. */
  public static final long MEGABYTE = 1_000_000L;

  /**
   * One reservation to make.
   *
   * @param bucket the bucket, or null for money
   * @param bytes the data it covers
   * @param fen the money it holds (money only)
   */
  public record Part(Bucket bucket, long bytes, long fen) {}

  /** Freezes the parts. */
  public GrantPlan {
    parts = List.copyOf(parts);
  }

  /**
   * Plans a grant of {@code quotaBytes}.
   *
   * @param payers the paying buckets in usage priority order, with what each has available
   * @param moneyAvailableFen the money balance that may still be reserved
   * @param fenPerMegabyte the plan's pay-as-you-go price; 0 means no pay-as-you-go
   */
  public static GrantPlan of(
      long quotaBytes, List<Payer> payers, long moneyAvailableFen, long fenPerMegabyte) {
    Objects.requireNonNull(payers, "payers");
    if (quotaBytes <= 0 || moneyAvailableFen < 0 || fenPerMegabyte < 0) {
      throw new IllegalArgumentException("a positive quota, no negative money or price");
    }
    List<Part> parts = new ArrayList<>();
    long remaining = quotaBytes;
    for (Payer payer : payers) {
      if (remaining == 0) {
        break;
      }
      long take = Math.min(remaining, payer.availableBytes());
      if (take > 0) {
        parts.add(new Part(payer.bucket(), take, 0));
        remaining -= take;
      }
    }
    if (remaining > 0 && fenPerMegabyte > 0) {
      long affordable =
          moneyAvailableFen >= Long.MAX_VALUE / MEGABYTE
              ? Long.MAX_VALUE
              : moneyAvailableFen * MEGABYTE / fenPerMegabyte;
      long bytes = Math.min(remaining, affordable);
      if (bytes > 0) {
        parts.add(new Part(null, bytes, priceOf(bytes, fenPerMegabyte)));
        remaining -= bytes;
      }
    }
    long granted = quotaBytes - remaining;
    return new GrantPlan(parts, granted, remaining > 0);
  }

  /** What {@code bytes} of pay-as-you-go data cost: {@code ceilDiv(bytes * price, 10^6)}. */
  public static long priceOf(long bytes, long fenPerMegabyte) {
    return Math.ceilDiv(Math.multiplyExact(bytes, fenPerMegabyte), MEGABYTE);
  }

  /** Whether nothing could be granted. */
  public boolean isEmpty() {
    return grantedBytes == 0;
  }
}
