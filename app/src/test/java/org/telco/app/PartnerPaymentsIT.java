package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The network side of flow F2 for a partner (a payment app acting for its users): which operator
 * serves a number and where its API is, a top-up paid by a named third party, and a refund that
 * only the payer may ask for.
 */
class PartnerPaymentsIT {
  private static TestPlatform platform;
  private static String alpha;
  private static String partner;
  private static String admin;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = TestPlatform.start(List.of("clearinghouse", "alpha", "beta"));
    alpha = platform.url("alpha") + "/api/v1";
    partner = platform.partnerKey("alpha");
    admin = platform.adminKey("alpha");
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  @Test
  void everyNodeSaysWhichOperatorServesANumberAndWhereItsApiIs() {
    JsonNode beta = Http.get(alpha + "/numbers/8618600000001/operator", partner).json();
    assertThat(beta.get("operatorId").asText()).isEqualTo("beta");
    assertThat(beta.get("apiUrl").asText()).isEqualTo(platform.url("beta"));
    assertThat(beta.get("ported").asBoolean()).isFalse();

    JsonNode own = Http.get(alpha + "/numbers/8613800000001/operator", partner).json();
    assertThat(own.get("operatorId").asText()).isEqualTo("alpha");
    assertThat(own.get("apiUrl").asText()).isEqualTo(platform.url("alpha"));

    String clearinghouse = platform.url("clearinghouse") + "/api/v1";
    JsonNode fromClearinghouse =
        Http.get(
                clearinghouse + "/numbers/8618600000001/operator",
                platform.partnerKey("clearinghouse"))
            .json();
    assertThat(fromClearinghouse.get("operatorId").asText()).isEqualTo("beta");

    assertProblem(Http.get(alpha + "/numbers/8619900000001/operator", partner), 404, "msisdn");
    assertProblem(Http.get(alpha + "/numbers/+86138/operator", partner), 400, "msisdn");
    assertThat(Http.get(alpha + "/numbers/8613800000001/operator", null).status()).isEqualTo(401);
  }

  @Test
  void aPartnerTopsUpForANamedPayerAndOnlyThatPayerGetsARefund() {
    String msisdn = "8613800003001";
    Http.Response created =
        Http.post(
            alpha + "/subscribers",
            admin,
            "{\"msisdn\":\""
                + msisdn
                + "\",\"planId\":\"basic\",\"servicePassword\":\"Qw9-zx81\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);

    assertProblem(pay("no-payer-" + msisdn, msisdn, null), 400, "payer");
    Http.Response paid = pay("friend-" + msisdn, msisdn, "8613800009999");
    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    assertThat(paid.json().get("balanceFen").asLong()).isEqualTo(500);

    String refund = alpha + "/payments/friend-" + msisdn + "/refund";
    assertProblem(Http.post(refund, partner, "{\"payer\":\"8613800001234\"}"), 403, "payer");
    assertProblem(Http.post(refund, partner, "{}"), 400, "payer");
    assertThat(balance(msisdn)).isEqualTo(500);

    Http.Response refunded = Http.post(refund, partner, "{\"payer\":\"8613800009999\"}");
    assertThat(refunded.status()).as(refunded.body()).isEqualTo(201);
    assertThat(balance(msisdn)).isZero();
    assertThat(Http.post(refund, partner, "{\"payer\":\"8613800009999\"}").status()).isEqualTo(200);
    assertThat(
            Http.get(alpha + "/payments/friend-" + msisdn, partner)
                .json()
                .get("refundedFen")
                .asLong())
        .isEqualTo(500);
  }

  private static Http.Response pay(String id, String msisdn, String payer) {
    return Http.post(
        alpha + "/payments",
        partner,
        "{\"id\":\""
            + id
            + "\",\"msisdn\":\""
            + msisdn
            + "\",\"amountFen\":500"
            + (payer == null ? "" : ",\"payer\":\"" + payer + "\"")
            + "}");
  }

  private static long balance(String msisdn) {
    return Http.get(alpha + "/subscribers/" + msisdn, admin).json().get("balanceFen").asLong();
  }

  private static void assertProblem(Http.Response response, int status, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json().get("field").asText()).isEqualTo(field);
  }
}
