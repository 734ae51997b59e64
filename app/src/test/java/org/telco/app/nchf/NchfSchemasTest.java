package org.telco.app.nchf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The harness itself: it rejects what breaks the specification, so no check passes vacuously. */
class NchfSchemasTest {
  private static final String VALID =
      """
      {"nfConsumerIdentification": {"nodeFunctionality": "SMF"},
       "invocationTimeStamp": "2024-05-01T08:00:00Z",
       "invocationSequenceNumber": 0}""";

  @Test
  void aSequenceNumberAsAStringIsRejected() {
    String json =
        VALID.replace("\"invocationSequenceNumber\": 0", "\"invocationSequenceNumber\": \"0\"");

    assertThat(NchfSchemas.validate("ChargingDataRequest", VALID)).isEmpty();
    assertThat(NchfSchemas.validate("ChargingDataRequest", json))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("/invocationSequenceNumber");
  }

  @Test
  void aMissingNodeFunctionalityIsRejected() {
    String json = VALID.replace("\"nodeFunctionality\": \"SMF\"", "\"nFFqdn\": \"smf1\"");

    assertThat(NchfSchemas.validate("ChargingDataRequest", json))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("/nfConsumerIdentification", "nodeFunctionality");
  }

  @Test
  void rangesFormatsAndReferencesIntoTheCommonDataAreChecked() {
    String json =
        VALID
            .replace("2024-05-01T08:00:00Z", "yesterday")
            .replace(
                "\"invocationSequenceNumber\": 0",
                "\"invocationSequenceNumber\": 4294967296, \"multipleUnitUsage\":"
                    + " [{\"ratingGroup\": -1, \"uPFID\": \"not-a-uuid\"}]");

    assertThat(NchfSchemas.validate("ChargingDataRequest", json))
        .hasSize(4)
        .anySatisfy(violation -> assertThat(violation).startsWith("/invocationTimeStamp"))
        .anySatisfy(violation -> assertThat(violation).startsWith("/invocationSequenceNumber"))
        .anySatisfy(
            violation -> assertThat(violation).startsWith("/multipleUnitUsage/0/ratingGroup"))
        .anySatisfy(violation -> assertThat(violation).startsWith("/multipleUnitUsage/0/uPFID"));
  }

  @Test
  void aResponseWithoutItsSequenceNumberIsRejected() {
    assertThat(
            NchfSchemas.validate(
                "ChargingDataResponse", "{\"invocationTimeStamp\": \"2024-05-01T08:00:00Z\"}"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("invocationSequenceNumber");
  }

  @Test
  void aProblemBreakingTs29571IsRejected() {
    assertThat(
            NchfSchemas.validate(
                "ProblemDetails",
                "{\"status\": \"400\", \"invalidParams\": [{\"reason\": \"x\"}]}"))
        .hasSize(2);
  }

  @Test
  void thePropertyWhoseNameHasAStrayQuoteIsCheckedAgainstItsSchema() {
    // TS 32.291 V17.9.0 names it edgeInfrastructureUsageChargingInformation' (sic).
    String json =
        VALID.replace(
            "\"invocationSequenceNumber\": 0",
            "\"invocationSequenceNumber\": 0, \"edgeInfrastructureUsageChargingInformation'\": 5");

    assertThat(NchfSchemas.validate("ChargingDataRequest", json))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("edgeInfrastructureUsageChargingInformation'");
  }

  @Test
  void anUnknownSchemaNameFailsInsteadOfPassing() {
    assertThatThrownBy(() -> NchfSchemas.validate("ChargingDataRequst", VALID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ChargingDataRequst");
  }
}
