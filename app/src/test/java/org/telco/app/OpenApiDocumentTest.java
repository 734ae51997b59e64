package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code /openapi.yaml} (src/main/resources/openapi/telco.yaml) honest without a platform:
 * flow F5's operations are documented, every {@code $ref} points at something the document defines,
 * every path template's parameters are declared, and the F5 schemas name exactly the members of the
 * records the routes read and write.
 */
class OpenApiDocumentTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");
  private static final String SCHEMAS = "/components/schemas/";

  /** Flow F5's operations: path, then its methods. */
  private static final Map<String, List<String>> F5 =
      Map.ofEntries(
          Map.entry("/api/v1/traffic/products", List.of("get")),
          Map.entry("/api/v1/traffic/purchases", List.of("post")),
          Map.entry("/api/v1/traffic/purchases/{id}", List.of("get")),
          Map.entry("/api/v1/traffic/cards/{cardId}", List.of("get")),
          Map.entry("/api/v1/traffic/cards/{cardId}/bind", List.of("post")),
          Map.entry("/api/v1/subscribers/{msisdn}/buckets", List.of("get")),
          Map.entry("/api/v1/subscribers/{msisdn}/buckets/priority", List.of("put")),
          Map.entry("/api/v1/subscribers/{msisdn}/traffic/renewals/{productId}", List.of("delete")),
          Map.entry("/api/v1/partners", List.of("get")),
          Map.entry("/api/v1/partners/{id}/usage", List.of("get")),
          Map.entry("/api/v1/partners/{id}/prefunds", List.of("post")),
          Map.entry("/nchf-convergedcharging/v3/chargingdata", List.of("post")),
          Map.entry(
              "/nchf-convergedcharging/v3/chargingdata/{ChargingDataRef}/update", List.of("post")),
          Map.entry(
              "/nchf-convergedcharging/v3/chargingdata/{ChargingDataRef}/release",
              List.of("post")));

  /** The JSON records of F5's routes, and where the document describes each. */
  private static final Map<String, String> RECORDS =
      Map.ofEntries(
          Map.entry("traffic.TrafficJson$Product", SCHEMAS + "TrafficProduct"),
          Map.entry("traffic.TrafficJson$PurchaseRequest", SCHEMAS + "TrafficPurchaseRequest"),
          Map.entry("traffic.TrafficJson$Purchase", SCHEMAS + "TrafficPurchase"),
          Map.entry("traffic.TrafficJson$Step", SCHEMAS + "TrafficPurchase/properties/steps/items"),
          Map.entry("traffic.TrafficJson$Card", SCHEMAS + "TrafficCard"),
          Map.entry("traffic.TrafficJson$BucketView", SCHEMAS + "DataBucket"),
          Map.entry("traffic.TrafficJson$Bound", SCHEMAS + "BoundCard"),
          Map.entry("traffic.TrafficJson$Buckets", SCHEMAS + "Buckets"),
          Map.entry(
              "traffic.TrafficJson$BindRequest",
              body("/api/v1/traffic/cards/{cardId}/bind", "post")),
          Map.entry(
              "traffic.TrafficJson$PriorityRequest",
              body("/api/v1/subscribers/{msisdn}/buckets/priority", "put")),
          Map.entry("charging.PartnerRoutes$PartnerJson", SCHEMAS + "Partner"),
          Map.entry("charging.PartnerRoutes$StatementJson", SCHEMAS + "PartnerStatement"),
          Map.entry(
              "charging.PartnerRoutes$AppUsage",
              SCHEMAS + "PartnerStatement/properties/apps/items"),
          Map.entry(
              "charging.PartnerRoutes$DayBytes",
              SCHEMAS + "PartnerStatement/properties/apps/items/properties/days/items"),
          Map.entry(
              "charging.PartnerRoutes$SettledJson",
              SCHEMAS + "PartnerStatement/properties/settlement/items"),
          Map.entry(
              "charging.PartnerRoutes$PrefundJson",
              body("/api/v1/partners/{id}/prefunds", "post")));

  private static JsonNode document;

  @BeforeAll
  static void read() throws IOException {
    try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi/telco.yaml")) {
      assertThat(in).as("openapi/telco.yaml on the class path").isNotNull();
      document = YAML.readTree(in);
    }
  }

  @Test
  void flowF5IsDocumented() {
    List<String> missing = new ArrayList<>();
    F5.forEach(
        (path, methods) -> {
          for (String method : methods) {
            JsonNode operation = document.path("paths").path(path).path(method);
            if (!operation.isObject() || operation.path("responses").isEmpty()) {
              missing.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
            }
          }
        });

    assertThat(missing).as("F5 operations without responses in telco.yaml").isEmpty();
  }

  @Test
  void everyRefResolves() {
    List<String> refs = refs(document);

    assertThat(refs).as("the document has references to check").hasSizeGreaterThan(50);
    assertThat(dangling(document)).as("$refs that point at nothing").isEmpty();
  }

  @Test
  void aDanglingRefIsCaught() throws IOException {
    JsonNode broken =
        YAML.readTree(
            """
            paths: {/x: {get: {responses: {"200": {$ref: "#/components/responses/Gone"}}}}}
            components: {responses: {Problem: {description: a problem}}, schemas: {}}
            other: {$ref: "elsewhere.yaml#/components/schemas/Thing"}
            """);

    assertThat(dangling(broken))
        .containsExactlyInAnyOrder(
            "#/components/responses/Gone", "elsewhere.yaml#/components/schemas/Thing");
  }

  /**
   * An unquoted comma in a flow-style mapping ({@code {description: a, b}}) silently makes {@code
   * b} a member without a value instead of part of the text.
   */
  @Test
  void noMemberIsLeftWithoutAValue() {
    List<String> empty = new ArrayList<>();
    nulls(document, "", empty);

    assertThat(empty).as("members with a null value (quote flow-style text with commas)").isEmpty();
  }

  @Test
  void everyPathTemplateParameterIsDeclared() {
    List<String> undeclared = new ArrayList<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path -> {
              Set<String> names = new TreeSet<>();
              Matcher m = TEMPLATE.matcher(path.getKey());
              while (m.find()) {
                names.add(m.group(1));
              }
              path.getValue()
                  .properties()
                  .forEach(
                      operation -> checkParameters(path.getKey(), operation, names, undeclared));
            });

    assertThat(undeclared)
        .as("path parameters without a declaration, or declared but unused")
        .isEmpty();
  }

  @Test
  void f5SchemasNameExactlyTheRecordsMembers() throws ClassNotFoundException {
    List<String> mismatches = new ArrayList<>();
    for (Map.Entry<String, String> entry : RECORDS.entrySet()) {
      Class<?> type = Class.forName("org.telco.app." + entry.getKey());
      Set<String> members = new TreeSet<>();
      Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).forEach(members::add);
      JsonNode schema = resolve(document, document.at(entry.getValue()));
      Set<String> properties = new TreeSet<>();
      schema.path("properties").fieldNames().forEachRemaining(properties::add);
      if (!members.equals(properties)) {
        mismatches.add(entry.getKey() + ": record " + members + ", document " + properties);
      }
    }

    assertThat(mismatches).isEmpty();
  }

  private static void checkParameters(
      String path, Map.Entry<String, JsonNode> operation, Set<String> names, List<String> out) {
    Set<String> declared = new TreeSet<>();
    for (JsonNode parameter : operation.getValue().path("parameters")) {
      JsonNode resolved = resolve(document, parameter);
      if ("path".equals(resolved.path("in").asText())) {
        declared.add(resolved.path("name").asText());
      }
    }
    if (!declared.equals(names)) {
      out.add(operation.getKey() + " " + path + ": declared " + declared);
    }
  }

  private static String body(String path, String method) {
    return "/paths/"
        + path.replace("~", "~0").replace("/", "~1")
        + "/"
        + method
        + "/requestBody/content/application~1json/schema";
  }

  /** The node itself, or what its {@code $ref} points at in {@code root}. */
  private static JsonNode resolve(JsonNode root, JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref == null ? node : root.at(ref.asText().substring(1));
  }

  /** The references that are not local or point at nothing in {@code root}. */
  private static List<String> dangling(JsonNode root) {
    return refs(root).stream()
        .filter(
            ref -> !ref.startsWith("#/components/") || root.at(ref.substring(1)).isMissingNode())
        .toList();
  }

  private static void nulls(JsonNode node, String at, List<String> found) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              member -> {
                String where = at + "/" + member.getKey();
                if (member.getValue().isNull()) {
                  found.add(where);
                }
                nulls(member.getValue(), where, found);
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        nulls(node.get(i), at + "/" + i, found);
      }
    }
  }

  private static List<String> refs(JsonNode root) {
    List<String> found = new ArrayList<>();
    collect(root, found);
    return found;
  }

  private static void collect(JsonNode node, List<String> found) {
    if (node.isObject() && node.get("$ref") != null) {
      found.add(node.get("$ref").asText());
    }
    node.forEach(child -> collect(child, found));
  }
}
