package org.telco.app.console.clearinghouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.telco.app.console.Amounts;
import org.telco.app.console.NodeApi;
import org.telco.app.console.NodeApi.Key;
import org.telco.app.console.Outcome;

/**
 * The settlement page: each operator's settlement account at the clearinghouse and its statement
 * per counterparty (compensation paid as recipient, received as donor), from the settlement API.
 */
final class SettlementView {
  private final NodeApi api;

  SettlementView(NodeApi api) {
    this.api = api;
  }

  Outcome page() {
    List<Map<String, Object>> operators = new ArrayList<>();
    for (JsonNode account : list(api.get("/settlement/accounts", Key.ADMIN).body())) {
      String operator = account.path("operator").asText();
      JsonNode statement = api.get("/settlement/statements?operator=" + operator, Key.ADMIN).body();
      List<Map<String, Object>> lines = new ArrayList<>();
      for (JsonNode line : list(statement.path("lines"))) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("counterparty", line.path("counterparty").asText());
        row.put("paid", Amounts.yuan(line.path("paidFen").asLong()));
        row.put("received", Amounts.yuan(line.path("receivedFen").asLong()));
        row.put("net", Amounts.yuan(line.path("netFen").asLong()));
        row.put("ports", line.path("ports").asLong());
        lines.add(row);
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("operator", operator);
      row.put("balance", Amounts.yuan(account.path("balanceFen").asLong()));
      row.put("lines", lines);
      operators.add(row);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("title", "clearinghouse.settlement.title");
    model.put("operators", operators);
    return Outcome.View.ok("clearinghouse/settlement", model);
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(items::add);
    }
    return items;
  }
}
