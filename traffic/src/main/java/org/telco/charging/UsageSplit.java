package org.telco.charging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How reported usage settles the reservations of a grant: used bytes post against the reservations
 * in the order they were made (buckets by priority, then money), the rest of each is released.
 * Usage beyond all of them is <b>overuse</b> (an SMF may run a little past its quota); the caller
 * charges it where it still can.
 *
 * @param posts per reservation, in order, the bytes and fen to post (0 bytes: release it all)
 * @param overuseBytes used bytes no reservation covered
 */
public record UsageSplit(List<Post> posts, long overuseBytes) {
  /**
   * What to post of one reservation.
   *
   * @param reservation the reservation
   * @param bytes the data used from it
   * @param fen the money to post (money reservations only): the price of those bytes
   */
  public record Post(Reservation reservation, long bytes, long fen) {}

  /** Freezes the posts. */
  public UsageSplit {
    posts = List.copyOf(posts);
  }

  /** Splits {@code usedBytes} over {@code reservations}. */
  public static UsageSplit of(List<Reservation> reservations, long usedBytes, long fenPerMegabyte) {
    Objects.requireNonNull(reservations, "reservations");
    if (usedBytes < 0) {
      throw new IllegalArgumentException("usage is not negative");
    }
    List<Post> posts = new ArrayList<>();
    long remaining = usedBytes;
    for (Reservation r : reservations) {
      long bytes = Math.min(remaining, r.bytes());
      remaining -= bytes;
      long fen =
          r.isMoney() && bytes > 0
              ? Math.min(r.fen(), GrantPlan.priceOf(bytes, fenPerMegabyte))
              : 0;
      posts.add(new Post(r, bytes, fen));
    }
    return new UsageSplit(posts, remaining);
  }
}
