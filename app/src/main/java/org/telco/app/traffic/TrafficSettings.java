package org.telco.app.traffic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.telco.app.SettingsFile;
import org.telco.charging.Partner;
import org.telco.charging.QuotaSettings;
import org.telco.subscriber.PlanId;
import org.telco.traffic.CardDesignation;
import org.telco.traffic.RatingGroup;
import org.telco.traffic.TrafficCatalog;

/**
 * What an operator sets for data traffic (flow F5), read from {@code traffic.json} in the data
 * directory (written with the defaults on first start, so there is a file to edit).
 *
 * @param purchaseTimeoutSeconds how long a purchase may take before it voids itself
 * @param designatedPurchaser whether a card's purchaser is its designated user
 * @param designatedPlans the plans whose subscribers are designated users of any card
 * @param quota how grants are sized and timed
 * @param partners the OTT partners that sponsor their apps' directed traffic
 */
public record TrafficSettings(
    long purchaseTimeoutSeconds,
    boolean designatedPurchaser,
    List<String> designatedPlans,
    QuotaSettings quota,
    List<PartnerSetting> partners) {
  /**
   * One partner as configured.
   *
   * @param id its id
   * @param name its display name
   * @param ratingGroups its apps
   * @param fenPerGigabyte its price per gigabyte; a day costs its traffic at that rate, rounded up
   *     to the fen
   */
  public record PartnerSetting(
      String id, String name, List<Long> ratingGroups, long fenPerGigabyte) {}

  /** Checks the timeout and freezes the lists. */
  public TrafficSettings {
    if (purchaseTimeoutSeconds < 10 || purchaseTimeoutSeconds > 86_400) {
      throw new IllegalArgumentException("purchaseTimeoutSeconds must be 10-86400");
    }
    designatedPlans = List.copyOf(designatedPlans);
    partners = List.copyOf(partners);
    java.util.Objects.requireNonNull(quota, "quota");
    sponsors(partners);
  }

  /**
   * The defaults: purchases time out after 2 minutes, the purchaser is the designated user, and one
   * demo partner sponsors the video app (rating group 1001) at 5 yuan per gigabyte.
   */
  public static TrafficSettings defaults() {
    return new TrafficSettings(
        120,
        true,
        List.of(),
        QuotaSettings.DEFAULT,
        List.of(
            new PartnerSetting(
                "videoapp", "Video App Co.", List.of(TrafficCatalog.VIDEO_APP.value()), 500)));
  }

  /** Who a card's designated users are. */
  CardDesignation designation() {
    Set<PlanId> plans = new java.util.HashSet<>();
    designatedPlans.forEach(p -> plans.add(new PlanId(p)));
    return new CardDesignation(designatedPurchaser, plans);
  }

  /** The partners, each with its serial (its place in the list). */
  public List<Partner> sponsors() {
    return sponsors(partners);
  }

  private static List<Partner> sponsors(List<PartnerSetting> partners) {
    List<Partner> sponsors = new ArrayList<>();
    for (int i = 0; i < partners.size(); i++) {
      PartnerSetting p = partners.get(i);
      TreeSet<RatingGroup> apps = new TreeSet<>();
      p.ratingGroups().forEach(g -> apps.add(new RatingGroup(g)));
      sponsors.add(new Partner(p.id(), p.name(), i, apps, p.fenPerGigabyte()));
    }
    return sponsors;
  }

  /**
   * The settings in {@code file}, or the defaults written to it when it does not exist.
   *
   * @throws IllegalArgumentException when a value is out of range, naming the file
   */
  public static TrafficSettings loadOrCreate(Path file) throws IOException {
    return SettingsFile.loadOrCreate(file, TrafficSettings.class, defaults());
  }
}
