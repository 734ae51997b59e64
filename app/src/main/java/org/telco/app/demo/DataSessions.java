package org.telco.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The SMF's side of online charging as the traffic demo plays it, and the judge of who paid. Each
 * app's data session is one Nchf_ConvergedCharging session: a create asking for quota, an update
 * reporting what was used and asking again, and a release with the rest. The subscriber's buckets
 * and balance are read before and after, and the bucket whose used bytes moved must be the first in
 * usage priority that pays for the app (a general bucket, or a directed one listing the app's
 * rating group); when none pays, the money balance must drop by the pay-as-you-go price of each
 * report, {@code ceilDiv(bytes × price, 10^6)}.
 */
final class DataSessions {
  /** A megabyte, as the charging platform counts it: 10^6 bytes. */
  static final long MB = 1_000_000L;

  private static final String CHARGING = "/nchf-convergedcharging/v3/chargingdata";
  private static final long QUOTA_BYTES = 10 * MB;

  private final PlatformClient api;
  private final OperatorView operator;
  private final DemoSteps steps;
  private final PrintStream out;

  DataSessions(PlatformClient api, DemoSteps steps, PrintStream out) {
    this.api = api;
    this.operator = new OperatorView(api);
    this.steps = steps;
    this.out = out;
  }

  /** The subscriber's live buckets in usage priority, as {@code GET .../buckets} lists them. */
  List<JsonNode> buckets(String msisdn) {
    JsonNode buckets = api.get("/subscribers/" + msisdn + "/buckets").body().path("buckets");
    return StreamSupport.stream(buckets.spliterator(), false).toList();
  }

  /** Prints the buckets in usage priority, one line each. */
  void show(String who, List<JsonNode> buckets) {
    out.println("   " + who + "'s buckets, in usage priority:");
    int place = 1;
    for (JsonNode bucket : buckets) {
      out.printf(
          "     %d. %-14s %-22s %10s available, %9s used  (priority %d, %s)%n",
          place++,
          bucket.path("productId").asText(),
          describe(bucket),
          mb(bucket.path("availableBytes").asLong()),
          mb(bucket.path("usedBytes").asLong()),
          bucket.path("priority").asInt(),
          bucket.path("state").asText());
    }
  }

  /**
   * Runs a session of the app with rating group {@code group} that reports {@code firstBytes} in
   * its update and {@code restBytes} at release, then checks who paid.
   *
   * @param fenPerMegabyte the subscriber's plan's pay-as-you-go price
   * @return the id of the bucket that paid, or "" when money paid or the check failed
   */
  String use(
      String msisdn, String app, long group, long firstBytes, long restBytes, long fenPerMegabyte) {
    List<JsonNode> before = buckets(msisdn);
    long balanceBefore = balance(msisdn);
    long usedBytes = firstBytes + restBytes;
    String name = "%s (rating group %d) uses %s".formatted(app, group, mb(usedBytes));
    if (!session(msisdn, group, firstBytes, restBytes)) {
      return "";
    }
    JsonNode payer = payerOf(before, group, usedBytes);
    Map<String, Long> moved = moved(before, buckets(msisdn));
    long drop = balanceBefore - balance(msisdn);
    if (payer == null) {
      long price = priceOf(firstBytes, fenPerMegabyte) + priceOf(restBytes, fenPerMegabyte);
      steps.check(
          name + ": no bucket pays for it, money does",
          moved.isEmpty() && drop == price,
          "the ledger moved %s; balance %d -> %d fen (%d fen at %d fen per started MB)"
              .formatted(
                  describe(moved, before),
                  balanceBefore,
                  balanceBefore - drop,
                  drop,
                  fenPerMegabyte));
      return "";
    }
    String id = payer.path("id").asText();
    steps.check(
        name + ": paid by " + payer.path("productId").asText(),
        moved.size() == 1 && moved.getOrDefault(id, 0L) == usedBytes && drop == 0,
        "the ledger moved %s; first in priority that pays for %d: %s %s (place %d); balance %s"
            .formatted(
                describe(moved, before),
                group,
                payer.path("productId").asText(),
                describe(payer),
                before.indexOf(payer) + 1,
                drop == 0 ? "unchanged" : "down " + drop + " fen"));
    return moved.size() == 1 && moved.containsKey(id) ? id : "";
  }

  /** Create, update with usage, release: each answer as the Nchf API gives it to an SMF. */
  private boolean session(String msisdn, long group, long firstBytes, long restBytes) {
    String quota = "\"requestedUnit\":{\"totalVolume\":" + QUOTA_BYTES + "}";
    PlatformClient.Answer created =
        api.postOutsideApi(
            CHARGING, request(msisdn, 0, "{\"ratingGroup\":%d,%s}".formatted(group, quota)));
    String ref = created.location().substring(created.location().lastIndexOf('/') + 1);
    JsonNode grant = created.body().path("multipleUnitInformation").path(0);
    out.printf(
        "   SMF create  -> HTTP %d, %s, granted %s, session %s%n",
        created.status(),
        grant.path("resultCode").asText(),
        mb(grant.path("grantedUnit").path("totalVolume").asLong()),
        ref.isEmpty() ? "none" : ref);
    if (created.status() != 201 || !grant.path("resultCode").asText().equals("SUCCESS")) {
      steps.check("open a charging session", false, created.body().toString());
      return false;
    }
    PlatformClient.Answer updated =
        api.postOutsideApi(
            CHARGING + "/" + ref + "/update",
            request(
                msisdn,
                1,
                "{\"ratingGroup\":%d,%s,%s}".formatted(group, quota, used(1, firstBytes))));
    JsonNode again = updated.body().path("multipleUnitInformation").path(0);
    out.printf(
        "   SMF update  -> HTTP %d, used %s reported, %s, granted %s%n",
        updated.status(),
        mb(firstBytes),
        again.path("resultCode").asText(),
        mb(again.path("grantedUnit").path("totalVolume").asLong()));
    PlatformClient.Answer released =
        api.postOutsideApi(
            CHARGING + "/" + ref + "/release",
            request(msisdn, 2, "{\"ratingGroup\":%d,%s}".formatted(group, used(2, restBytes))));
    out.printf("   SMF release -> HTTP %d, used %s reported%n", released.status(), mb(restBytes));
    boolean ok = updated.status() == 200 && released.status() == 204;
    if (!ok) {
      steps.check("report usage and release", false, updated.body() + " " + released.body());
    }
    return ok;
  }

  /** A ChargingDataRequest as an SMF sends it, the subscriber named by its GPSI. */
  private String request(String msisdn, long sequence, String unitUsage) {
    return ("{\"subscriberIdentifier\":\"msisdn-%s\","
            + "\"nfConsumerIdentification\":{\"nodeFunctionality\":\"SMF\"},"
            + "\"invocationTimeStamp\":\"%s\",\"invocationSequenceNumber\":%d,"
            + "\"multipleUnitUsage\":[%s]}")
        .formatted(msisdn, operator.now(), sequence, unitUsage);
  }

  private static String used(int localSequence, long bytes) {
    return "\"usedUnitContainer\":[{\"localSequenceNumber\":%d,\"totalVolume\":%d}]"
        .formatted(localSequence, bytes);
  }

  /** The first bucket in priority that pays for {@code group} and holds {@code bytes}, or null. */
  private static JsonNode payerOf(List<JsonNode> buckets, long group, long bytes) {
    for (JsonNode bucket : buckets) {
      if (bucket.path("state").asText().equals("ACTIVE")
          && pays(bucket, group)
          && bucket.path("availableBytes").asLong() >= bytes) {
        return bucket;
      }
    }
    return null;
  }

  /** Whether a bucket pays for an app: general ones for any, directed ones for theirs only. */
  static boolean pays(JsonNode bucket, long group) {
    JsonNode groups = bucket.path("ratingGroups");
    if (groups.isEmpty()) {
      return true;
    }
    for (JsonNode g : groups) {
      if (g.asLong() == group) {
        return true;
      }
    }
    return false;
  }

  /** Each bucket whose used bytes changed, with by how much. */
  private static Map<String, Long> moved(List<JsonNode> before, List<JsonNode> after) {
    Map<String, Long> used = new LinkedHashMap<>();
    for (JsonNode bucket : before) {
      used.put(bucket.path("id").asText(), bucket.path("usedBytes").asLong());
    }
    Map<String, Long> moved = new LinkedHashMap<>();
    for (JsonNode bucket : after) {
      long delta =
          bucket.path("usedBytes").asLong() - used.getOrDefault(bucket.path("id").asText(), 0L);
      if (delta != 0 || bucket.path("reservedBytes").asLong() != 0) {
        moved.put(bucket.path("id").asText(), delta);
      }
    }
    return moved;
  }

  private long balance(String msisdn) {
    return operator.subscriber(msisdn).body().path("balanceFen").asLong();
  }

  /** The price of {@code bytes} at {@code fenPerMegabyte} per started megabyte. */
  static long priceOf(long bytes, long fenPerMegabyte) {
    return Math.ceilDiv(Math.multiplyExact(bytes, fenPerMegabyte), MB);
  }

  static String describe(JsonNode bucket) {
    JsonNode groups = bucket.path("ratingGroups");
    if (groups.isEmpty()) {
      return "general";
    }
    List<String> apps = new ArrayList<>();
    groups.forEach(g -> apps.add(g.asText()));
    return "directed to " + String.join(", ", apps);
  }

  private static String describe(Map<String, Long> moved, List<JsonNode> before) {
    if (moved.isEmpty()) {
      return "no bucket";
    }
    List<String> parts = new ArrayList<>();
    moved.forEach(
        (id, delta) -> {
          String product =
              before.stream()
                  .filter(b -> b.path("id").asText().equals(id))
                  .map(b -> b.path("productId").asText())
                  .findFirst()
                  .orElse(id);
          parts.add(product + " +" + mb(delta) + " used");
        });
    return String.join(", ", parts);
  }

  /** Bytes in megabytes of 10^6 bytes, without trailing zeros. */
  static String mb(long bytes) {
    return BigDecimal.valueOf(bytes, 6).stripTrailingZeros().toPlainString() + " MB";
  }
}
