package org.telco.app.nchf;

import static org.telco.app.nchf.IeChecks.Need.MANDATORY;
import static org.telco.app.nchf.IeChecks.Need.OPTIONAL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.telco.app.nchf.IeChecks.Need;

/**
 * Reads the body of a charging data create, update or release strictly, the way 3GPP names what is
 * wrong (TS 29.500 table 5.2.7.2-1, all 400): a body that is not a JSON object is {@code
 * INVALID_MSG_FORMAT}; an absent mandatory IE is {@code MANDATORY_IE_MISSING}; a present IE of the
 * wrong type or range is {@code MANDATORY_IE_INCORRECT} or {@code OPTIONAL_IE_INCORRECT}. Each
 * offending IE is an invalid parameter named by its JSON pointer, such as {@code
 * /multipleUnitUsage/0/ratingGroup}.
 *
 * <p>Only the IEs that {@link ChargingDataRequest} models are checked; anything else the consumer
 * sends is ignored, and {@code pDUSessionChargingInformation} and {@code pDUContainerInformation}
 * are kept as received once they are objects. Enumerated strings accept unknown values.
 */
public final class NchfRequests {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final Pattern MCC = Pattern.compile("\\d{3}");
  private static final Pattern MNC = Pattern.compile("\\d{2,3}");

  private NchfRequests() {}

  /** Reads a ChargingDataRequest body, or says why it is rejected. */
  public static ChargingDataReading read(byte[] body) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      return malformed("the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalStateException("reading from a byte array cannot fail", e);
    }
    if (tree == null || !tree.isObject()) {
      return malformed("the body must be a JSON object");
    }
    IeChecks checks = new IeChecks();
    ChargingDataRequest request = request(checks, tree);
    if (checks.cause() == null) {
      return new ChargingDataReading.Valid(request);
    }
    List<InvalidParam> params = checks.invalidParams();
    InvalidParam first = params.getFirst();
    String detail =
        first.param()
            + " "
            + first.reason()
            + (params.size() > 1 ? " (and " + (params.size() - 1) + " more)" : "");
    return new ChargingDataReading.Invalid(
        ProblemDetails.badRequest(checks.cause(), detail, params));
  }

  private static ChargingDataReading malformed(String detail) {
    return new ChargingDataReading.Invalid(
        ProblemDetails.badRequest(ProblemDetails.INVALID_MSG_FORMAT, detail, List.of()));
  }

  /**
   * Checks the request's IEs and builds it from their values in the same walk, as Jackson would
   * bind the tree; meaningful only when the checks found nothing wrong. Binding the checked tree
   * again with Jackson cost as much as parsing it.
   */
  private static ChargingDataRequest request(IeChecks checks, JsonNode request) {
    String subscriber = checks.nonEmptyString(request, "", "subscriberIdentifier", OPTIONAL);
    JsonNode consumer = checks.object(request, "", "nfConsumerIdentification", MANDATORY);
    NFIdentification identification =
        consumer == null ? null : nfIdentification(checks, consumer, "/nfConsumerIdentification");
    String timeStamp = checks.dateTime(request, "", "invocationTimeStamp", MANDATORY);
    Long sequence = checks.uint32(request, "", "invocationSequenceNumber", MANDATORY);
    Boolean retransmission = checks.bool(request, "", "retransmissionIndicator", OPTIONAL);
    Boolean oneTimeEvent = checks.bool(request, "", "oneTimeEvent", OPTIONAL);
    String notifyUri = checks.string(request, "", "notifyUri", OPTIONAL);
    String features = checks.hex(request, "", "supportedFeatures", OPTIONAL);
    List<MultipleUnitUsage> usages =
        objects(checks, request, "", "multipleUnitUsage", OPTIONAL, NchfRequests::unitUsage);
    List<Trigger> triggers =
        objects(checks, request, "", "triggers", OPTIONAL, NchfRequests::trigger);
    JsonNode session = checks.object(request, "", "pDUSessionChargingInformation", OPTIONAL);
    return new ChargingDataRequest(
        subscriber,
        identification,
        timeStamp,
        sequence == null ? 0 : sequence,
        retransmission,
        oneTimeEvent,
        notifyUri,
        features,
        usages,
        triggers,
        session);
  }

  private static NFIdentification nfIdentification(IeChecks checks, JsonNode consumer, String at) {
    String name = checks.uuid(consumer, at, "nFName", OPTIONAL);
    String ipv4 = checks.string(consumer, at, "nFIPv4Address", OPTIONAL);
    String ipv6 = checks.string(consumer, at, "nFIPv6Address", OPTIONAL);
    JsonNode plmnNode = checks.object(consumer, at, "nFPLMNID", OPTIONAL);
    PlmnId plmn = null;
    if (plmnNode != null) {
      String plmnAt = at + "/nFPLMNID";
      plmn =
          new PlmnId(
              checks.matching(plmnNode, plmnAt, "mcc", MANDATORY, MCC, "must be three digits"),
              checks.matching(plmnNode, plmnAt, "mnc", MANDATORY, MNC, "must be 2 or 3 digits"));
    }
    String functionality = checks.string(consumer, at, "nodeFunctionality", MANDATORY);
    String fqdn = checks.string(consumer, at, "nFFqdn", OPTIONAL);
    return new NFIdentification(
        name,
        ipv4,
        ipv6,
        plmn,
        functionality == null ? null : new NodeFunctionality(functionality),
        fqdn);
  }

  private static MultipleUnitUsage unitUsage(IeChecks checks, JsonNode usage, String at) {
    Long ratingGroup = checks.uint32(usage, at, "ratingGroup", MANDATORY);
    JsonNode requestedNode = checks.object(usage, at, "requestedUnit", OPTIONAL);
    RequestedUnit requested = null;
    if (requestedNode != null) {
      String unitAt = at + "/requestedUnit";
      requested =
          new RequestedUnit(
              checks.uint32(requestedNode, unitAt, "time", OPTIONAL),
              checks.uint64(requestedNode, unitAt, "totalVolume", OPTIONAL),
              checks.uint64(requestedNode, unitAt, "uplinkVolume", OPTIONAL),
              checks.uint64(requestedNode, unitAt, "downlinkVolume", OPTIONAL),
              checks.uint64(requestedNode, unitAt, "serviceSpecificUnits", OPTIONAL));
    }
    List<UsedUnitContainer> containers =
        objects(checks, usage, at, "usedUnitContainer", OPTIONAL, NchfRequests::usedUnitContainer);
    String upfId = checks.uuid(usage, at, "uPFID", OPTIONAL);
    return new MultipleUnitUsage(
        ratingGroup == null ? 0 : ratingGroup, requested, containers, upfId);
  }

  private static UsedUnitContainer usedUnitContainer(
      IeChecks checks, JsonNode container, String at) {
    Long serviceId = checks.uint32(container, at, "serviceId", OPTIONAL);
    String indicator = checks.string(container, at, "quotaManagementIndicator", OPTIONAL);
    List<Trigger> triggers =
        objects(checks, container, at, "triggers", OPTIONAL, NchfRequests::trigger);
    String triggerTimestamp = checks.dateTime(container, at, "triggerTimestamp", OPTIONAL);
    Long time = checks.uint32(container, at, "time", OPTIONAL);
    Long total = checks.uint64(container, at, "totalVolume", OPTIONAL);
    Long uplink = checks.uint64(container, at, "uplinkVolume", OPTIONAL);
    Long downlink = checks.uint64(container, at, "downlinkVolume", OPTIONAL);
    Long units = checks.uint64(container, at, "serviceSpecificUnits", OPTIONAL);
    List<JsonNode> stampNodes = checks.array(container, at, "eventTimeStamps", OPTIONAL);
    List<String> stamps = null;
    if (stampNodes != null) {
      stamps = new ArrayList<>(stampNodes.size());
      for (int k = 0; k < stampNodes.size(); k++) {
        stamps.add(
            checks.dateTimeElement(stampNodes.get(k), at + "/eventTimeStamps/" + k, OPTIONAL));
      }
    }
    Long localSequence = checks.int64(container, at, "localSequenceNumber", MANDATORY);
    JsonNode information = checks.object(container, at, "pDUContainerInformation", OPTIONAL);
    return new UsedUnitContainer(
        serviceId,
        indicator == null ? null : new QuotaManagementIndicator(indicator),
        triggers,
        triggerTimestamp,
        time,
        total,
        uplink,
        downlink,
        units,
        stamps,
        localSequence == null ? 0 : localSequence,
        information);
  }

  /** Reads one object of an array IE, whose JSON pointer is {@code at}. */
  private interface ElementReader<T> {
    T read(IeChecks checks, JsonNode element, String at);
  }

  /**
   * The elements of an array of objects, each read by {@code reader}; null when the IE is absent or
   * not an array, and an element that is not an object reported and left out.
   */
  private static <T> List<T> objects(
      IeChecks checks,
      JsonNode parent,
      String at,
      String name,
      Need need,
      ElementReader<T> reader) {
    List<JsonNode> nodes = checks.array(parent, at, name, need);
    if (nodes == null) {
      return null;
    }
    List<T> elements = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      String elementAt = at + "/" + name + "/" + i;
      if (checks.isObject(nodes.get(i), elementAt, need)) {
        elements.add(reader.read(checks, nodes.get(i), elementAt));
      }
    }
    return elements;
  }

  private static Trigger trigger(IeChecks checks, JsonNode trigger, String at) {
    String type = checks.string(trigger, at, "triggerType", OPTIONAL);
    String category = checks.string(trigger, at, "triggerCategory", MANDATORY);
    return new Trigger(
        type == null ? null : new TriggerType(type),
        category == null ? null : new TriggerCategory(category),
        checks.int64(trigger, at, "timeLimit", OPTIONAL),
        checks.uint32(trigger, at, "volumeLimit", OPTIONAL),
        checks.uint64(trigger, at, "volumeLimit64", OPTIONAL),
        checks.uint32(trigger, at, "eventLimit", OPTIONAL),
        checks.uint32(trigger, at, "maxNumberOfccc", OPTIONAL),
        checks.dateTime(trigger, at, "tariffTimeChange", OPTIONAL));
  }
}
