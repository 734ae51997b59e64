package org.telco.app.nchf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NchfRequestsTest {
  private static final String REQUIRED =
      """
      {"nfConsumerIdentification": {"nodeFunctionality": "SMF"},
       "invocationTimeStamp": "2024-05-01T08:00:00Z",
       "invocationSequenceNumber": 0}""";

  private static ChargingDataReading read(String json) {
    return NchfRequests.read(json.getBytes(StandardCharsets.UTF_8));
  }

  private static ProblemDetails problem(String json) {
    ChargingDataReading reading = read(json);
    assertThat(reading).isInstanceOf(ChargingDataReading.Invalid.class);
    ProblemDetails problem = ((ChargingDataReading.Invalid) reading).problem();
    assertThat(problem.status()).isEqualTo(400);
    assertThat(NchfSchemas.validateWritten("ProblemDetails", problem)).isEmpty();
    return problem;
  }

  private static String params(ProblemDetails problem) {
    return problem.invalidParams().stream().map(InvalidParam::param).toList().toString();
  }

  /** The required request with one field's value replaced, or removed when value is null. */
  private static String with(String field, String value) {
    String line =
        switch (field) {
          case "invocationTimeStamp" -> "\"invocationTimeStamp\": \"2024-05-01T08:00:00Z\"";
          case "invocationSequenceNumber" -> "\"invocationSequenceNumber\": 0";
          default -> throw new IllegalArgumentException(field);
        };
    String replacement = value == null ? "\"absent\": 1" : "\"" + field + "\": " + value;
    return REQUIRED.replace(line, replacement);
  }

  private static String withUsage(String usage) {
    return REQUIRED.replace(
        "\"invocationSequenceNumber\": 0",
        "\"invocationSequenceNumber\": 0," + " \"multipleUnitUsage\": [" + usage + "]");
  }

  @Test
  void aRequestWithOnlyTheRequiredFieldsIsValid() {
    ChargingDataReading reading = read(REQUIRED);

    assertThat(reading).isInstanceOf(ChargingDataReading.Valid.class);
    ChargingDataRequest request = ((ChargingDataReading.Valid) reading).request();
    assertThat(request.nfConsumerIdentification().nodeFunctionality())
        .isEqualTo(NodeFunctionality.SMF);
    assertThat(request.invocationSequenceNumber()).isZero();
    assertThat(request.unitUsages()).isEmpty();
  }

  @Test
  void malformedJsonIsAnInvalidMessageFormat() {
    assertThat(problem("{\"invocationSequenceNumber\": ").cause())
        .isEqualTo(ProblemDetails.INVALID_MSG_FORMAT);
    assertThat(problem("").cause()).isEqualTo(ProblemDetails.INVALID_MSG_FORMAT);
    assertThat(problem("[1, 2]").cause()).isEqualTo(ProblemDetails.INVALID_MSG_FORMAT);
    assertThat(problem(REQUIRED + " {}").cause()).isEqualTo(ProblemDetails.INVALID_MSG_FORMAT);
    assertThat(problem("{\"a\": 1, \"a\": 2}").cause())
        .isEqualTo(ProblemDetails.INVALID_MSG_FORMAT);
  }

  @Test
  void aMissingSequenceNumberIsAMissingMandatoryIeNamedByItsPointer() {
    ProblemDetails problem = problem(with("invocationSequenceNumber", null));

    assertThat(problem.cause()).isEqualTo(ProblemDetails.MANDATORY_IE_MISSING);
    assertThat(params(problem)).isEqualTo("[/invocationSequenceNumber]");
    assertThat(problem.detail()).contains("/invocationSequenceNumber");
  }

  @Test
  void eachMissingMandatoryIeIsNamed() {
    assertThat(params(problem("{}")))
        .isEqualTo("[/nfConsumerIdentification, /invocationTimeStamp, /invocationSequenceNumber]");
    assertThat(params(problem(with("invocationTimeStamp", null))))
        .isEqualTo("[/invocationTimeStamp]");
    ProblemDetails noNodeFunctionality =
        problem(REQUIRED.replace("\"nodeFunctionality\": \"SMF\"", "\"nFFqdn\": \"smf1\""));
    assertThat(noNodeFunctionality.cause()).isEqualTo(ProblemDetails.MANDATORY_IE_MISSING);
    assertThat(params(noNodeFunctionality))
        .isEqualTo("[/nfConsumerIdentification/nodeFunctionality]");
  }

  @Test
  void aRatingGroupWithoutItsNumberIsAMissingMandatoryIe() {
    ProblemDetails problem = problem(withUsage("{\"ratingGroup\": 10}, {\"requestedUnit\": {}}"));

    assertThat(problem.cause()).isEqualTo(ProblemDetails.MANDATORY_IE_MISSING);
    assertThat(params(problem)).isEqualTo("[/multipleUnitUsage/1/ratingGroup]");
  }

  @Test
  void aUsedUnitContainerWithoutItsLocalSequenceNumberIsAMissingMandatoryIe() {
    ProblemDetails problem =
        problem(
            withUsage(
                "{\"ratingGroup\": 10, \"usedUnitContainer\": ["
                    + "{\"localSequenceNumber\": 1, \"totalVolume\": 5},"
                    + " {\"totalVolume\": 7}]}"));

    assertThat(problem.cause()).isEqualTo(ProblemDetails.MANDATORY_IE_MISSING);
    assertThat(params(problem))
        .isEqualTo("[/multipleUnitUsage/0/usedUnitContainer/1/localSequenceNumber]");
  }

  @Test
  void aWrongTypeOrRangeOfAMandatoryIeIsAnIncorrectMandatoryIe() {
    for (String value : new String[] {"\"7\"", "-1", "4294967296", "1.5", "null", "true"}) {
      ProblemDetails problem = problem(with("invocationSequenceNumber", value));
      assertThat(problem.cause()).as(value).isEqualTo(ProblemDetails.MANDATORY_IE_INCORRECT);
      assertThat(params(problem)).as(value).isEqualTo("[/invocationSequenceNumber]");
    }
    assertThat(read(with("invocationSequenceNumber", "4294967295")))
        .isInstanceOf(ChargingDataReading.Valid.class);
    for (String value :
        new String[] {
          "\"yesterday\"", "\"2024-02-30T08:00:00Z\"", "\"2024-05-01T08:00:00\"", "1714550400"
        }) {
      ProblemDetails problem = problem(with("invocationTimeStamp", value));
      assertThat(problem.cause()).as(value).isEqualTo(ProblemDetails.MANDATORY_IE_INCORRECT);
      assertThat(params(problem)).as(value).isEqualTo("[/invocationTimeStamp]");
    }
    ProblemDetails ratingGroup = problem(withUsage("{\"ratingGroup\": -10}"));
    assertThat(ratingGroup.cause()).isEqualTo(ProblemDetails.MANDATORY_IE_INCORRECT);
    assertThat(params(ratingGroup)).isEqualTo("[/multipleUnitUsage/0/ratingGroup]");
  }

  @Test
  void aWrongTypeOrRangeOfAnOptionalIeIsAnIncorrectOptionalIe() {
    ProblemDetails volume =
        problem(withUsage("{\"ratingGroup\": 10, \"requestedUnit\": {\"totalVolume\": -1}}"));
    assertThat(volume.cause()).isEqualTo(ProblemDetails.OPTIONAL_IE_INCORRECT);
    assertThat(params(volume)).isEqualTo("[/multipleUnitUsage/0/requestedUnit/totalVolume]");

    ProblemDetails time =
        problem(withUsage("{\"ratingGroup\": 10, \"requestedUnit\": {\"time\": 4294967296}}"));
    assertThat(params(time)).isEqualTo("[/multipleUnitUsage/0/requestedUnit/time]");

    ProblemDetails beyondLong =
        problem(
            withUsage(
                "{\"ratingGroup\": 10, \"usedUnitContainer\": [{\"localSequenceNumber\": 1,"
                    + " \"totalVolume\": 18446744073709551615}]}"));
    assertThat(beyondLong.cause()).isEqualTo(ProblemDetails.OPTIONAL_IE_INCORRECT);

    ProblemDetails flag =
        problem(
            REQUIRED
                .replace("{\"nodeFunctionality\"", "{\"nFName\": \"smf-1\", \"nodeFunctionality\"")
                .replace(
                    "\"invocationSequenceNumber\": 0",
                    "\"invocationSequenceNumber\": 0," + " \"retransmissionIndicator\": \"yes\""));
    assertThat(flag.cause()).isEqualTo(ProblemDetails.OPTIONAL_IE_INCORRECT);
    assertThat(params(flag))
        .isEqualTo("[/nfConsumerIdentification/nFName, /retransmissionIndicator]");
  }

  @Test
  void theProblemNamesTheMostSevereCauseAndListsEveryParameter() {
    ProblemDetails problem =
        problem(
            withUsage("{\"requestedUnit\": {\"totalVolume\": \"lots\"}}")
                .replace("\"invocationSequenceNumber\": 0", "\"invocationSequenceNumber\": -1"));

    assertThat(problem.cause()).isEqualTo(ProblemDetails.MANDATORY_IE_MISSING);
    assertThat(params(problem))
        .isEqualTo(
            "[/invocationSequenceNumber, /multipleUnitUsage/0/ratingGroup,"
                + " /multipleUnitUsage/0/requestedUnit/totalVolume]");
    assertThat(problem.detail()).contains("(and 2 more)");
  }

  @Test
  void unknownFieldsAndUnknownEnumerationValuesAreAccepted() {
    ChargingDataReading reading =
        read(
            REQUIRED
                .replace("\"SMF\"", "\"FUTURE_NF\", \"nFVendor\": \"x\"")
                .replace(
                    "\"invocationSequenceNumber\": 0",
                    "\"invocationSequenceNumber\": 0, \"chargingId\": 7, \"triggers\":"
                        + " [{\"triggerType\": \"NEW_IN_REL_19\", \"triggerCategory\":"
                        + " \"DEFERRED_REPORT\"}]"));

    assertThat(reading).isInstanceOf(ChargingDataReading.Valid.class);
    ChargingDataRequest request = ((ChargingDataReading.Valid) reading).request();
    assertThat(request.nfConsumerIdentification().nodeFunctionality().value())
        .isEqualTo("FUTURE_NF");
    assertThat(request.triggers().getFirst().triggerType().value()).isEqualTo("NEW_IN_REL_19");
    assertThat(request.triggers().getFirst().triggerCategory())
        .isEqualTo(TriggerCategory.DEFERRED_REPORT);
  }

  @Test
  void aTriggerWithoutItsCategoryIsAMissingMandatoryIe() {
    ProblemDetails problem =
        problem(
            REQUIRED.replace(
                "\"invocationSequenceNumber\": 0",
                "\"invocationSequenceNumber\": 0, \"triggers\": [{\"triggerType\": \"FINAL\"}]"));

    assertThat(problem.cause()).isEqualTo(ProblemDetails.MANDATORY_IE_MISSING);
    assertThat(params(problem)).isEqualTo("[/triggers/0/triggerCategory]");
  }
}
