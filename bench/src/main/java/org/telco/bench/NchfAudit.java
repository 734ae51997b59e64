package org.telco.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.telco.app.demo.PlatformClient;

/**
 * Reads the operator back after the Nchf load and checks that charging conserved money and data:
 * the ledger's invariants hold on every shard (debits equal credits per asset, no account beyond
 * its limit); no bucket has given more than it held (used plus reserved within its volume, nothing
 * negative) and no balance went below zero; and the usage the CHF recorded per day and rating group
 * equals the usage the SMF side had acknowledged (plus at most the usage of requests whose outcome
 * it never learnt), and what the buckets were charged.
 *
 * @param invariants null when the ledger's invariants hold, else what broke
 * @param buckets buckets read
 * @param overdrawn buckets or balances beyond what they held
 * @param usedInBuckets bytes charged to buckets
 * @param recorded bytes in {@code charging_daily_usage}
 * @param reported bytes the load reported in acknowledged requests
 * @param uncertain bytes of requests that got no answer, or a 5xx, after every retransmission
 * @param problems the first problems found
 */
record NchfAudit(
    String invariants,
    long buckets,
    long overdrawn,
    long usedInBuckets,
    long recorded,
    long reported,
    long uncertain,
    List<String> problems) {
  /** Whether everything held. */
  boolean passed() {
    return invariants == null
        && overdrawn == 0
        && recorded >= reported
        && recorded <= reported + uncertain
        && problems.isEmpty();
  }

  String description() {
    return String.format(
        "%s: ledger invariants %s; %,d buckets, %,d beyond what they held; usage reported %,d B"
            + " (+ %,d B unanswered), recorded %,d B (charging_daily_usage), charged to buckets"
            + " %,d B%s",
        passed() ? "PASS" : "FAIL",
        invariants == null ? "hold" : "BROKEN (" + invariants + ")",
        buckets,
        overdrawn,
        reported,
        uncertain,
        recorded,
        usedInBuckets,
        problems.isEmpty() ? "" : "; " + problems);
  }

  /** Audits {@code platform} for {@code subscribers} against what the load {@code reported}. */
  static NchfAudit of(
      NchfPlatform platform, List<String> subscribers, long reported, long uncertain) {
    String invariants = null;
    try {
      platform.operator().ledger().checkInvariants().join();
    } catch (RuntimeException e) {
      invariants = String.valueOf(e.getCause() == null ? e : e.getCause());
    }
    PlatformClient api = platform.api();
    long buckets = 0;
    long overdrawn = 0;
    long used = 0;
    List<String> problems = new ArrayList<>();
    for (String msisdn : subscribers) {
      for (JsonNode bucket :
          api.get("/subscribers/" + msisdn + "/buckets").body().path("buckets")) {
        buckets++;
        long volume = bucket.path("volumeBytes").asLong();
        long reserved = bucket.path("reservedBytes").asLong();
        long usedHere = bucket.path("usedBytes").asLong();
        long available = bucket.path("availableBytes").asLong();
        used += usedHere;
        if (available < 0 || reserved < 0 || usedHere + reserved > volume) {
          overdrawn++;
          note(problems, msisdn + " bucket " + bucket.path("id").asText() + " " + bucket);
        }
      }
      long balance = api.get("/subscribers/" + msisdn).body().path("balanceFen").asLong();
      if (balance < 0) {
        overdrawn++;
        note(problems, msisdn + " balance " + balance);
      }
    }
    long recorded = platform.queryLong("SELECT coalesce(sum(bytes), 0) FROM charging_daily_usage");
    if (used > recorded) {
      note(problems, "buckets were charged " + (used - recorded) + " B more than was recorded");
    }
    return new NchfAudit(
        invariants, buckets, overdrawn, used, recorded, reported, uncertain, problems);
  }

  private static void note(List<String> problems, String problem) {
    if (problems.size() < 5) {
      problems.add(problem);
    }
  }
}
