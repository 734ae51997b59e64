package org.telco.traffic;

import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.telco.subscriber.OperatorId;

/**
 * The traffic products one operator sells, ids unique.
 *
 * @param operatorId the operator
 * @param products in display order
 */
public record TrafficCatalog(OperatorId operatorId, List<TrafficProduct> products) {
  /** A megabyte, 10^6 bytes, as data is sold. */
  public static final long MEGABYTE = 1_000_000L;

  /** A gigabyte, 10^9 bytes. */
  public static final long GIGABYTE = 1_000_000_000L;

  /** The demo's video app. */
  public static final RatingGroup VIDEO_APP = new RatingGroup(1001);

  /** The demo's music app. */
  public static final RatingGroup MUSIC_APP = new RatingGroup(1002);

  /** The demo's general web browsing, an app nobody sponsors. */
  public static final RatingGroup WEB = new RatingGroup(10);

  /** Checks that ids are unique. */
  public TrafficCatalog {
    Objects.requireNonNull(operatorId, "operatorId");
    products = List.copyOf(products);
    if (new HashSet<>(products.stream().map(TrafficProduct::id).toList()).size()
        != products.size()) {
      throw new IllegalArgumentException("product ids must be unique in a catalogue");
    }
  }

  /** The product with this id. */
  public Optional<TrafficProduct> find(ProductId id) {
    return products.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /**
   * The demo catalogue: one product of each kind, and a general card. The video app (rating group
   * 1001) and the music app (1002) are what the directed pack and the video card are for.
   */
  public static TrafficCatalog demo(OperatorId operatorId) {
    TreeSet<RatingGroup> none = new TreeSet<>();
    TreeSet<RatingGroup> video = new TreeSet<>(List.of(VIDEO_APP));
    TreeSet<RatingGroup> media = new TreeSet<>(List.of(VIDEO_APP, MUSIC_APP));
    IdleHours night = new IdleHours(LocalTime.of(23, 0), LocalTime.of(7, 0));
    return new TrafficCatalog(
        operatorId,
        List.of(
            product("basic-1g", ProductKind.BASIC_MONTHLY, "Basic 1 GB", 1_000, GIGABYTE, none),
            product("addon-500m", ProductKind.ADD_ON, "Add-on 500 MB", 500, 500 * MEGABYTE, none),
            product(
                "video-3g", ProductKind.DIRECTED, "Video & music 3 GB", 900, 3 * GIGABYTE, media),
            new TrafficProduct(
                new ProductId("night-2g"),
                ProductKind.IDLE_TIME,
                "Night 2 GB (23:00-07:00)",
                600,
                2 * GIGABYTE,
                none,
                night,
                Validity.END_OF_MONTH,
                false),
            card("card-video-1g", "Video card 1 GB", 800, GIGABYTE, video),
            card("card-2g", "Traffic card 2 GB", 1_500, 2 * GIGABYTE, none)));
  }

  private static TrafficProduct product(
      String id,
      ProductKind kind,
      String name,
      long priceFen,
      long bytes,
      TreeSet<RatingGroup> apps) {
    return new TrafficProduct(
        new ProductId(id),
        kind,
        name,
        priceFen,
        bytes,
        apps,
        null,
        Validity.END_OF_MONTH,
        kind == ProductKind.DIRECTED);
  }

  private static TrafficProduct card(
      String id, String name, long priceFen, long bytes, TreeSet<RatingGroup> apps) {
    return new TrafficProduct(
        new ProductId(id),
        ProductKind.TRAFFIC_CARD,
        name,
        priceFen,
        bytes,
        apps,
        null,
        new Validity(30),
        true);
  }
}
