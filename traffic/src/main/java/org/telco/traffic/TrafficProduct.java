package org.telco.traffic;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A traffic product on sale: what it costs, how much data it gives, for which apps and for how
 * long.
 *
 * @param id the id in the catalogue
 * @param kind the kind
 * @param name a display name
 * @param priceFen the price, more than 0
 * @param volumeBytes the data it gives, more than 0
 * @param ratingGroups the apps a directed pack is for; a traffic card's directed information (the
 *     apps a non-designated user gets it for); empty for general data
 * @param idleHours the window of an idle-time pack, else null
 * @param validity how long its bucket stays usable
 * @param usedFirst whether its bucket goes to the front of the usage priority when it is created
 *     (cards by default: the seed switches priority to a newly bound card), else to the back
 */
public record TrafficProduct(
    ProductId id,
    ProductKind kind,
    String name,
    long priceFen,
    long volumeBytes,
    SortedSet<RatingGroup> ratingGroups,
    IdleHours idleHours,
    Validity validity,
    boolean usedFirst) {
  /** Checks that each kind has what it needs and nothing it must not have. */
  public TrafficProduct {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(validity, "validity");
    ratingGroups = Collections.unmodifiableSortedSet(new TreeSet<>(ratingGroups));
    if (name.isBlank()) {
      throw new IllegalArgumentException("a product has a name");
    }
    if (priceFen <= 0 || volumeBytes <= 0) {
      throw new IllegalArgumentException("a product has a positive price and volume");
    }
    if (kind == ProductKind.DIRECTED && ratingGroups.isEmpty()) {
      throw new IllegalArgumentException("a directed pack names its rating groups: " + id);
    }
    if (kind != ProductKind.DIRECTED
        && kind != ProductKind.TRAFFIC_CARD
        && !ratingGroups.isEmpty()) {
      throw new IllegalArgumentException("only directed packs and cards name rating groups: " + id);
    }
    if ((kind == ProductKind.IDLE_TIME) != (idleHours != null)) {
      throw new IllegalArgumentException("idle hours belong to idle-time packs only: " + id);
    }
  }

  /** Whether buying it gives a traffic card to bind later rather than a bucket at once. */
  public boolean isCard() {
    return kind == ProductKind.TRAFFIC_CARD;
  }

  /** Whether it names apps. */
  public boolean isDirected() {
    return !ratingGroups.isEmpty();
  }

  /** The rating groups as a plain set. */
  public Set<RatingGroup> apps() {
    return ratingGroups;
  }
}
