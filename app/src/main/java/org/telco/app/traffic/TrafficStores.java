package org.telco.app.traffic;

import java.util.Objects;
import org.telco.traffic.BucketStore;
import org.telco.traffic.CardStore;
import org.telco.traffic.PurchaseStore;

/**
 * The three stores of the traffic platform, handed around together.
 *
 * @param buckets subscribers' data buckets
 * @param purchases purchases and their steps
 * @param cards traffic cards
 */
record TrafficStores(BucketStore buckets, PurchaseStore purchases, CardStore cards) {
  TrafficStores {
    Objects.requireNonNull(buckets, "buckets");
    Objects.requireNonNull(purchases, "purchases");
    Objects.requireNonNull(cards, "cards");
  }
}
