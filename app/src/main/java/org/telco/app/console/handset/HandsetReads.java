package org.telco.app.console.handset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.telco.app.console.Amounts;
import org.telco.app.console.NodeApi;
import org.telco.app.console.NodeApi.Key;

/**
 * What a handset shows, read from the operator's API as a phone app would: the line's state and
 * money, its emergency advances, its data buckets in priority order, the products on sale and the
 * inbox. Each is turned into rows of plain strings for the templates.
 */
final class HandsetReads {
  /** Most SMS the inbox shows. */
  static final int INBOX_MAX = 20;

  private final NodeApi api;

  HandsetReads(NodeApi api) {
    this.api = api;
  }

  /** The line's facts, or an empty map when the number is no subscriber of this operator. */
  Map<String, Object> account(String msisdn) {
    NodeApi.Answer answer = api.get("/subscribers/" + msisdn, Key.ADMIN);
    if (answer.status() != 200) {
      return Map.of();
    }
    JsonNode s = answer.body();
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("state", s.path("status").asText());
    account.put("balance", Amounts.yuan(s.path("balanceFen").asLong()));
    account.put("due", Amounts.yuan(s.path("dueFen").asLong()));
    account.put("plan", s.path("planId").asText());
    return account;
  }

  /** The emergency advances, newest last as the API lists them. */
  List<Map<String, Object>> advances(String msisdn) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode a : list(api.get("/subscribers/" + msisdn + "/advances", Key.ADMIN).body())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("state", a.path("state").asText());
      row.put("amount", Amounts.yuan(a.path("amountFen").asLong()));
      row.put("owed", Amounts.yuan(a.path("owedFen").asLong()));
      row.put("grantedAt", a.path("grantedAt").asText());
      row.put("deadline", a.path("deadline").asText());
      rows.add(row);
    }
    return rows;
  }

  /**
   * The live buckets in the order charging draws from them, as the API lists them (lowest priority
   * number first, then the one that ends first), numbered 1, 2, ... in that order: the raw priority
   * numbers can be negative, since bound cards go to the front.
   */
  List<Map<String, Object>> buckets(String msisdn) {
    List<Map<String, Object>> rows = new ArrayList<>();
    JsonNode body = api.get("/subscribers/" + msisdn + "/buckets", Key.ADMIN).body();
    for (JsonNode b : list(body.path("buckets"))) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", b.path("id").asText());
      row.put("order", rows.size() + 1);
      row.put("priority", b.path("priority").asInt());
      row.put("product", b.path("productId").asText());
      row.put("kind", b.path("kind").asText());
      row.put("directed", b.path("directed").asBoolean());
      row.put("groups", b.path("ratingGroups").toString());
      row.put("available", Amounts.data(b.path("availableBytes").asLong()));
      row.put("until", b.path("validUntil").asText());
      rows.add(row);
    }
    return rows;
  }

  /** The traffic products on sale. */
  List<Map<String, Object>> products() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode p : list(api.get("/traffic/products", Key.ADMIN).body())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", p.path("id").asText());
      row.put("name", p.path("name").asText());
      row.put("kind", p.path("kind").asText());
      row.put("price", Amounts.yuan(p.path("priceFen").asLong()));
      row.put("volume", Amounts.data(p.path("volumeBytes").asLong()));
      rows.add(row);
    }
    return rows;
  }

  /** The newest SMS first, as the handset's inbox shows them. */
  List<Map<String, Object>> inbox(String msisdn) {
    List<Map<String, Object>> rows = new ArrayList<>();
    String path = "/handsets/" + msisdn + "/inbox?limit=" + INBOX_MAX;
    for (JsonNode m : list(api.get(path, Key.PARTNER).body())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", m.path("id").asText());
      row.put("from", m.path("from").asText());
      row.put("text", m.path("text").asText());
      row.put("at", m.path("at").asText());
      rows.add(row);
    }
    return rows;
  }

  /** A purchase as the API records it: its step, card and the steps it went through. */
  Map<String, Object> purchase(String id) {
    NodeApi.Answer answer = api.get("/traffic/purchases/" + id, Key.ADMIN);
    if (answer.status() != 200) {
      return Map.of();
    }
    JsonNode p = answer.body();
    List<String> steps = new ArrayList<>();
    list(p.path("steps")).forEach(step -> steps.add(step.path("step").asText()));
    Map<String, Object> purchase = new LinkedHashMap<>();
    purchase.put("id", p.path("id").asText());
    purchase.put("product", p.path("productId").asText());
    purchase.put("price", Amounts.yuan(p.path("priceFen").asLong()));
    purchase.put("step", p.path("step").asText());
    purchase.put("cardId", p.path("cardId").asText(""));
    purchase.put("steps", steps);
    return purchase;
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(items::add);
    }
    return items;
  }
}
