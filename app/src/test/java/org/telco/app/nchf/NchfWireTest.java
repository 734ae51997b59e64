package org.telco.app.nchf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telco.web.Json;

/** The records read and write the JSON of TS 32.291 and TS 29.571, checked against the YAML. */
class NchfWireTest {
  private static final String REQUIRED =
      """
      {"nfConsumerIdentification":{"nodeFunctionality":"SMF"},\
      "invocationTimeStamp":"2024-05-01T08:00:00Z","invocationSequenceNumber":0}""";

  private static ChargingDataRequest read(byte[] body) {
    ChargingDataReading reading = NchfRequests.read(body);
    assertThat(reading).isInstanceOf(ChargingDataReading.Valid.class);
    return ((ChargingDataReading.Valid) reading).request();
  }

  private static JsonNode tree(byte[] json) throws Exception {
    return Json.mapper().readTree(json);
  }

  @Test
  void aRequestOfTheRequiredFieldsConformsAndRoundTrips() throws Exception {
    assertThat(NchfSchemas.validate("ChargingDataRequest", REQUIRED)).isEmpty();

    ChargingDataRequest request = read(REQUIRED.getBytes(StandardCharsets.UTF_8));
    byte[] written = Json.write(request);

    assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(REQUIRED);
    assertThat(NchfSchemas.validateWritten("ChargingDataRequest", request)).isEmpty();
  }

  @Test
  void theTypicalSmfRequestsConformAndRoundTrip() throws Exception {
    List<ChargingDataRequest> session =
        List.of(
            NchfExamples.create(NchfExamples.SUPI, 10, 20),
            NchfExamples.update(NchfExamples.SUPI, 1, Map.of(10L, 5_000_000L, 20L, 1_000L)),
            NchfExamples.release(NchfExamples.SUPI, 2, Map.of(10L, 700L)));

    for (ChargingDataRequest request : session) {
      byte[] body = NchfExamples.json(request);
      assertThat(NchfSchemas.validateWritten("ChargingDataRequest", request)).isEmpty();
      assertThat(read(body)).isEqualTo(request);
    }
    String update = new String(NchfExamples.json(session.get(1)), StandardCharsets.UTF_8);
    assertThat(update)
        .contains("\"nFName\":\"" + NchfExamples.SMF_INSTANCE + "\"")
        .contains("\"usedUnitContainer\":[{")
        .contains("\"localSequenceNumber\":1")
        .doesNotContain("null");
  }

  @Test
  void theSessionDetailsTheSmfSendsAreKeptAsReceived() throws Exception {
    String json =
        REQUIRED.replace(
            "\"invocationSequenceNumber\":0",
            "\"invocationSequenceNumber\":0,\"chargingId\":42,\"pDUSessionChargingInformation\":"
                + "{\"chargingId\":42,\"pduSessionInformation\":{\"pduSessionID\":5,"
                + "\"dnnId\":\"internet\",\"networkSlicingInfo\":{\"sNSSAI\":{\"sst\":1}}}}");
    assertThat(NchfSchemas.validate("ChargingDataRequest", json)).isEmpty();

    ChargingDataRequest request = read(json.getBytes(StandardCharsets.UTF_8));

    assertThat(request.pduSessionChargingInformation().at("/pduSessionInformation/dnnId").asText())
        .isEqualTo("internet");
    JsonNode written = tree(Json.write(request));
    assertThat(written.get("pDUSessionChargingInformation"))
        .isEqualTo(
            tree(json.getBytes(StandardCharsets.UTF_8)).get("pDUSessionChargingInformation"));
  }

  @Test
  void aResponseBuiltFromTheRecordsConforms() {
    ChargingDataResponse response =
        new ChargingDataResponse(
            "2024-05-01T08:00:01Z",
            3,
            null,
            SessionFailover.FAILOVER_NOT_SUPPORTED,
            "0",
            List.of(
                new MultipleUnitInformation(
                    ResultCode.SUCCESS,
                    10,
                    GrantedUnit.ofTotalVolume(10_485_760),
                    List.of(
                        Trigger.of(TriggerType.QUOTA_THRESHOLD, TriggerCategory.IMMEDIATE_REPORT)),
                    3600L,
                    300L,
                    FinalUnitIndication.redirectTo("https://topup.example.invalid/"),
                    1_048_576L),
                MultipleUnitInformation.granted(20, GrantedUnit.ofTotalVolume(1_000)),
                MultipleUnitInformation.refused(30, ResultCode.QUOTA_LIMIT_REACHED)),
            List.of(Trigger.of(TriggerType.VALIDITY_TIME, TriggerCategory.IMMEDIATE_REPORT)));

    assertThat(NchfSchemas.validateWritten("ChargingDataResponse", response)).isEmpty();
    String json = new String(Json.write(response), StandardCharsets.UTF_8);
    assertThat(json).doesNotContain("null").doesNotContain("\"error\"");
    assertThat(NchfExamples.grants(Json.write(response)))
        .containsEntry(20L, new NchfExamples.Grant(20, "SUCCESS", 1_000L, null, null, null))
        .containsEntry(
            30L, new NchfExamples.Grant(30, "QUOTA_LIMIT_REACHED", null, null, null, null));
    assertThat(NchfExamples.grants(Json.write(response)).get(10L).finalUnitAction())
        .isEqualTo("REDIRECT");
  }

  @Test
  void aResponseCarryingAnErrorConforms() {
    ChargingDataResponse response =
        new ChargingDataResponse(
            "2024-05-01T08:00:01Z",
            0,
            new InvocationResult(
                ProblemDetails.badRequest(ProblemDetails.MANDATORY_IE_MISSING, "x", List.of()),
                FailureHandling.TERMINATE),
            null,
            null,
            null,
            null);

    assertThat(NchfSchemas.validateWritten("ChargingDataResponse", response)).isEmpty();
  }

  @Test
  void theReadersProblemConformsToTs29571() {
    ChargingDataReading reading =
        NchfRequests.read("{\"invocationSequenceNumber\":-1}".getBytes(StandardCharsets.UTF_8));
    ProblemDetails problem = ((ChargingDataReading.Invalid) reading).problem();

    assertThat(NchfSchemas.validateWritten("ProblemDetails", problem)).isEmpty();
    assertThat(NchfSchemas.validateWritten("TS29571_CommonData.yaml#ProblemDetails", problem))
        .isEmpty();
    String json = new String(Json.write(problem), StandardCharsets.UTF_8);
    assertThat(json)
        .contains("\"status\":400", "\"cause\":\"MANDATORY_IE_MISSING\"")
        .contains("{\"param\":\"/invocationSequenceNumber\",\"reason\":");
  }

  @Test
  void aNotificationAndItsAnswerConform() {
    ChargingNotifyRequest notify =
        new ChargingNotifyRequest(
            NotificationType.REAUTHORIZATION, List.of(ReauthorizationDetails.ofRatingGroup(10)));

    assertThat(NchfSchemas.validateWritten("ChargingNotifyRequest", notify)).isEmpty();
    assertThat(
            NchfSchemas.validateWritten("ChargingNotifyResponse", new ChargingNotifyResponse(null)))
        .isEmpty();
  }
}
