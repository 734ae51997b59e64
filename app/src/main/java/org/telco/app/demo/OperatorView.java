package org.telco.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What a demo reads back from an operator to check a step, one API call per figure, and the top-ups
 * it pays: each read goes through the public API with the key a client would use, so the demo
 * checks what the platform shows and not what its code believes.
 */
final class OperatorView {
  private static final int DAY = 86_400;

  private final PlatformClient api;

  OperatorView(PlatformClient api) {
    this.api = api;
  }

  /** A top-up of {@code fen} paid by the subscriber, id {@code demo-ec-<msisdn>-<suffix>}. */
  PlatformClient.Answer pay(String msisdn, String suffix, long fen) {
    return api.post(
        "/payments",
        "{\"id\":\"demo-ec-%s-%s\",\"msisdn\":\"%s\",\"amountFen\":%d,\"payer\":\"%s\"}"
            .formatted(msisdn, suffix, msisdn, fen, msisdn));
  }

  /**
   * The operator's offset from UTC, read off a moment that is local midnight (as every fee is), so
   * a demo can speak local time without being told the operator's zone.
   */
  static ZoneOffset offsetOf(Instant localMidnight) {
    int ahead = (DAY - Math.floorMod(localMidnight.getEpochSecond(), DAY)) % DAY;
    return ZoneOffset.ofTotalSeconds(ahead > 14 * 3_600 ? ahead - DAY : ahead);
  }

  Instant now() {
    return Instant.parse(api.get("/admin/clock").text("now"));
  }

  PlatformClient.Answer subscriber(String msisdn) {
    return api.get("/subscribers/" + msisdn);
  }

  JsonNode advances(String msisdn) {
    return api.get("/subscribers/" + msisdn + "/advances").body();
  }

  /** The number's latest advance, or a missing node. */
  JsonNode lastAdvance(String msisdn) {
    JsonNode advances = advances(msisdn);
    return advances.isArray() && !advances.isEmpty()
        ? advances.get(advances.size() - 1)
        : MissingNode.getInstance();
  }

  String numberStatus(String msisdn) {
    return api.getAsPartner("/numbers/" + msisdn + "/status").text("state");
  }

  boolean lineBarred(String msisdn) {
    return api.get("/admin/network/lines/" + msisdn).body().path("barred").asBoolean();
  }

  /** The newest SMS in the handset's inbox that contains {@code phrase}, or "". */
  String sms(String msisdn, String phrase) {
    for (JsonNode message : api.getAsPartner("/handsets/" + msisdn + "/inbox").body()) {
      String text = message.path("text").asText();
      if (text.contains(phrase)) {
        return text;
      }
    }
    return "";
  }
}
