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
    checkRequest(checks, tree);
    if (checks.cause() != null) {
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
    try {
      return new ChargingDataReading.Valid(MAPPER.treeToValue(tree, ChargingDataRequest.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a checked request must bind: " + e.getOriginalMessage(), e);
    }
  }

  private static ChargingDataReading malformed(String detail) {
    return new ChargingDataReading.Invalid(
        ProblemDetails.badRequest(ProblemDetails.INVALID_MSG_FORMAT, detail, List.of()));
  }

  private static void checkRequest(IeChecks checks, JsonNode request) {
    checks.nonEmptyString(request, "", "subscriberIdentifier", OPTIONAL);
    JsonNode consumer = checks.object(request, "", "nfConsumerIdentification", MANDATORY);
    if (consumer != null) {
      checkNfIdentification(checks, consumer, "/nfConsumerIdentification");
    }
    checks.dateTime(request, "", "invocationTimeStamp", MANDATORY);
    checks.uint32(request, "", "invocationSequenceNumber", MANDATORY);
    checks.bool(request, "", "retransmissionIndicator", OPTIONAL);
    checks.bool(request, "", "oneTimeEvent", OPTIONAL);
    checks.string(request, "", "notifyUri", OPTIONAL);
    checks.hex(request, "", "supportedFeatures", OPTIONAL);
    List<JsonNode> usages = checks.array(request, "", "multipleUnitUsage", OPTIONAL);
    for (int i = 0; i < usages.size(); i++) {
      String at = "/multipleUnitUsage/" + i;
      if (checks.isObject(usages.get(i), at, OPTIONAL)) {
        checkUnitUsage(checks, usages.get(i), at);
      }
    }
    checkTriggers(checks, request, "", OPTIONAL);
    checks.object(request, "", "pDUSessionChargingInformation", OPTIONAL);
  }

  private static void checkNfIdentification(IeChecks checks, JsonNode consumer, String at) {
    checks.uuid(consumer, at, "nFName", OPTIONAL);
    checks.string(consumer, at, "nFIPv4Address", OPTIONAL);
    checks.string(consumer, at, "nFIPv6Address", OPTIONAL);
    JsonNode plmn = checks.object(consumer, at, "nFPLMNID", OPTIONAL);
    if (plmn != null) {
      checks.matching(plmn, at + "/nFPLMNID", "mcc", MANDATORY, MCC, "must be three digits");
      checks.matching(plmn, at + "/nFPLMNID", "mnc", MANDATORY, MNC, "must be 2 or 3 digits");
    }
    checks.string(consumer, at, "nodeFunctionality", MANDATORY);
    checks.string(consumer, at, "nFFqdn", OPTIONAL);
  }

  private static void checkUnitUsage(IeChecks checks, JsonNode usage, String at) {
    checks.uint32(usage, at, "ratingGroup", MANDATORY);
    JsonNode requested = checks.object(usage, at, "requestedUnit", OPTIONAL);
    if (requested != null) {
      String unitAt = at + "/requestedUnit";
      checks.uint32(requested, unitAt, "time", OPTIONAL);
      checkVolumes(checks, requested, unitAt);
    }
    List<JsonNode> containers = checks.array(usage, at, "usedUnitContainer", OPTIONAL);
    for (int j = 0; j < containers.size(); j++) {
      String containerAt = at + "/usedUnitContainer/" + j;
      if (checks.isObject(containers.get(j), containerAt, OPTIONAL)) {
        checkUsedUnitContainer(checks, containers.get(j), containerAt);
      }
    }
    checks.uuid(usage, at, "uPFID", OPTIONAL);
  }

  private static void checkUsedUnitContainer(IeChecks checks, JsonNode container, String at) {
    checks.uint32(container, at, "serviceId", OPTIONAL);
    checks.string(container, at, "quotaManagementIndicator", OPTIONAL);
    checkTriggers(checks, container, at, OPTIONAL);
    checks.dateTime(container, at, "triggerTimestamp", OPTIONAL);
    checks.uint32(container, at, "time", OPTIONAL);
    checkVolumes(checks, container, at);
    List<JsonNode> stamps = checks.array(container, at, "eventTimeStamps", OPTIONAL);
    for (int k = 0; k < stamps.size(); k++) {
      checks.dateTimeElement(stamps.get(k), at + "/eventTimeStamps/" + k, OPTIONAL);
    }
    checks.int64(container, at, "localSequenceNumber", MANDATORY);
    checks.object(container, at, "pDUContainerInformation", OPTIONAL);
  }

  private static void checkVolumes(IeChecks checks, JsonNode units, String at) {
    checks.uint64(units, at, "totalVolume", OPTIONAL);
    checks.uint64(units, at, "uplinkVolume", OPTIONAL);
    checks.uint64(units, at, "downlinkVolume", OPTIONAL);
    checks.uint64(units, at, "serviceSpecificUnits", OPTIONAL);
  }

  private static void checkTriggers(IeChecks checks, JsonNode parent, String at, Need need) {
    List<JsonNode> triggers = checks.array(parent, at, "triggers", need);
    for (int i = 0; i < triggers.size(); i++) {
      String triggerAt = at + "/triggers/" + i;
      JsonNode trigger = triggers.get(i);
      if (!checks.isObject(trigger, triggerAt, need)) {
        continue;
      }
      checks.string(trigger, triggerAt, "triggerType", OPTIONAL);
      checks.string(trigger, triggerAt, "triggerCategory", MANDATORY);
      checks.int64(trigger, triggerAt, "timeLimit", OPTIONAL);
      checks.uint32(trigger, triggerAt, "volumeLimit", OPTIONAL);
      checks.uint64(trigger, triggerAt, "volumeLimit64", OPTIONAL);
      checks.uint32(trigger, triggerAt, "eventLimit", OPTIONAL);
      checks.uint32(trigger, triggerAt, "maxNumberOfccc", OPTIONAL);
      checks.dateTime(trigger, triggerAt, "tariffTimeChange", OPTIONAL);
    }
  }
}
