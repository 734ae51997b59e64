package org.telco.charging;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.telco.ledger.AccountId;
import org.telco.traffic.RatingGroup;
import org.telco.traffic.TrafficAccounts;

/**
 * An OTT partner that sponsors the directed traffic of its apps: it may read their usage and pays
 * for it by the gigabyte from its account at the operator.
 *
 * @param id the partner's id, 1 to 40 of {@code a-z0-9-}
 * @param name a display name
 * @param serial its place among the operator's partners: its account is partner family {@code
 *     serial}
 * @param apps the rating groups of its apps
 * @param fenPerGigabyte its price per gigabyte (10^9 bytes); a day costs its traffic at that rate,
 *     rounded up to the fen
 */
public record Partner(
    String id, String name, int serial, SortedSet<RatingGroup> apps, long fenPerGigabyte) {
  /** Checks the id and the price. */
  public Partner {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    apps = Collections.unmodifiableSortedSet(new TreeSet<>(apps));
    if (!id.matches("[a-z0-9-]{1,40}")) {
      throw new IllegalArgumentException("a partner id is 1-40 of a-z0-9-: " + id);
    }
    if (apps.isEmpty() || fenPerGigabyte <= 0) {
      throw new IllegalArgumentException("a partner sponsors some app at a positive price");
    }
  }

  /** Its ledger account. */
  public AccountId account() {
    return TrafficAccounts.partnerAccount(serial);
  }
}
