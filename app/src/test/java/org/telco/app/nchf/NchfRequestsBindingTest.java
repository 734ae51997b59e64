package org.telco.app.nchf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.telco.web.Json;

/**
 * {@link NchfRequests#read} builds the request from the IEs it checks, in one walk of the tree; it
 * must build exactly what Jackson binds from the same body. Random valid requests, every optional
 * IE present or absent at random, empty and non-empty lists, are written as JSON, read back by
 * both, and compared with the request they were written from.
 */
class NchfRequestsBindingTest {
  private static final int REQUESTS = 3_000;

  private final SplittableRandom random = new SplittableRandom(32291);

  /** The binding the reader replaced: the checked tree bound again by Jackson. */
  private static final ObjectMapper TREE_BINDING =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  @Test
  void readingBuildsWhatJacksonBindsAndWhatWasWritten() throws Exception {
    int withUsage = 0;
    for (int i = 0; i < REQUESTS; i++) {
      ChargingDataRequest written = request(i);
      byte[] body = TREE_BINDING.writeValueAsBytes(withUnknownFields(written));

      ChargingDataReading reading = NchfRequests.read(body);

      assertThat(reading).as(new String(body)).isInstanceOf(ChargingDataReading.Valid.class);
      ChargingDataRequest read = ((ChargingDataReading.Valid) reading).request();
      assertThat(read).as(new String(body)).isEqualTo(written);
      assertThat(read)
          .isEqualTo(
              TREE_BINDING.treeToValue(TREE_BINDING.readTree(body), ChargingDataRequest.class));
      withUsage += read.unitUsages().isEmpty() ? 0 : 1;
    }
    assertThat(withUsage).as("requests with rating groups").isBetween(REQUESTS / 4, REQUESTS);
  }

  /**
   * The request as JSON, with IEs this CHF does not model added at random to the objects it does
   * model (not to those it keeps as received), which both readings must ignore.
   */
  private ObjectNode withUnknownFields(ChargingDataRequest request) {
    ObjectNode tree = Json.mapper().valueToTree(request);
    List<ObjectNode> modelled = new ArrayList<>(List.of(tree));
    if (tree.get("nfConsumerIdentification") instanceof ObjectNode consumer) {
      modelled.add(consumer);
    }
    for (JsonNode usage : tree.path("multipleUnitUsage")) {
      modelled.add((ObjectNode) usage);
      for (JsonNode container : usage.path("usedUnitContainer")) {
        modelled.add((ObjectNode) container);
      }
    }
    for (ObjectNode node : modelled) {
      if (random.nextInt(3) == 0) {
        node.set("vendorExtension", someObject());
      }
    }
    return tree;
  }

  private ChargingDataRequest request(int sequence) {
    return new ChargingDataRequest(
        maybe(() -> "imsi-46000" + random.nextInt(1_000_000)),
        identification(),
        dateTime(),
        sequence,
        maybe(random::nextBoolean),
        maybe(random::nextBoolean),
        maybe(() -> "http://smf.example/notify/" + random.nextInt(100)),
        maybe(() -> Integer.toHexString(random.nextInt())),
        maybe(() -> list(3, this::unitUsage)),
        maybe(() -> list(2, this::trigger)),
        maybe(this::someObject));
  }

  private NFIdentification identification() {
    return new NFIdentification(
        maybe(
            () ->
                java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) random.nextInt()}).toString()),
        maybe(() -> "10.0.0." + random.nextInt(256)),
        maybe(() -> "2001:db8::" + random.nextInt(256)),
        maybe(() -> new PlmnId("460", random.nextBoolean() ? "00" : "001")),
        random.nextBoolean() ? NodeFunctionality.SMF : new NodeFunctionality("FUTURE_NF"),
        maybe(() -> "smf" + random.nextInt(9) + ".example"));
  }

  private MultipleUnitUsage unitUsage() {
    return new MultipleUnitUsage(
        random.nextLong(4_294_967_296L),
        maybe(
            () ->
                new RequestedUnit(
                    maybe(() -> random.nextLong(4_294_967_296L)),
                    maybe(this::volume),
                    maybe(this::volume),
                    maybe(this::volume),
                    maybe(this::volume))),
        maybe(() -> list(2, this::container)),
        maybe(() -> java.util.UUID.randomUUID().toString()));
  }

  private UsedUnitContainer container() {
    return new UsedUnitContainer(
        maybe(() -> random.nextLong(4_294_967_296L)),
        maybe(
            () ->
                random.nextBoolean()
                    ? QuotaManagementIndicator.ONLINE_CHARGING
                    : new QuotaManagementIndicator("SOMETHING_NEW")),
        maybe(() -> list(2, this::trigger)),
        maybe(this::dateTime),
        maybe(() -> random.nextLong(4_294_967_296L)),
        maybe(this::volume),
        maybe(this::volume),
        maybe(this::volume),
        maybe(this::volume),
        maybe(() -> list(2, this::dateTime)),
        random.nextLong(),
        maybe(this::someObject));
  }

  private Trigger trigger() {
    return new Trigger(
        maybe(() -> random.nextBoolean() ? TriggerType.QUOTA_THRESHOLD : new TriggerType("NEW")),
        random.nextBoolean() ? TriggerCategory.IMMEDIATE_REPORT : TriggerCategory.DEFERRED_REPORT,
        maybe(random::nextLong),
        maybe(() -> random.nextLong(4_294_967_296L)),
        maybe(this::volume),
        maybe(() -> random.nextLong(4_294_967_296L)),
        maybe(() -> random.nextLong(4_294_967_296L)),
        maybe(this::dateTime));
  }

  private long volume() {
    return random.nextBoolean() ? random.nextLong(1_000_000) : random.nextLong(Long.MAX_VALUE);
  }

  private String dateTime() {
    return random.nextBoolean() ? "2024-05-01T08:00:00Z" : "2026-11-23T07:45:12.123456+08:00";
  }

  private JsonNode someObject() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("chargingId", random.nextInt());
    node.putObject("userInformation").put("servedGPSI", "msisdn-86138" + random.nextInt(1_000));
    node.putArray("mixed").add(random.nextDouble()).add(random.nextBoolean()).addNull().add("x");
    return node;
  }

  private <T> List<T> list(int most, Supplier<T> element) {
    List<T> list = new ArrayList<>();
    for (int i = random.nextInt(most + 1); i > 0; i--) {
      list.add(element.get());
    }
    return list;
  }

  private <T> T maybe(Supplier<T> value) {
    return random.nextBoolean() ? value.get() : null;
  }
}
