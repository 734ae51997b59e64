package org.telco.app.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telco.device.Binding;
import org.telco.device.Consent;
import org.telco.device.DeviceId;
import org.telco.device.TokenHash;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.OperatorProfiles;
import org.telco.web.Json;

/**
 * The binding query's answer as the device reads it. The bound case lives here because only the
 * BIND keyword service, not wired yet, can bind a device of a running platform.
 */
class BindingStatusJsonTest {
  private static final DeviceId DEVICE = new DeviceId("TVBOX-0001");
  private static final Msisdn PAYER = new Msisdn("8613800000001");
  private static final Instant BOUND_AT = Instant.parse("2026-11-22T06:30:00Z");

  @Test
  void aBoundDeviceLearnsWhenButNeverThePayingNumber() {
    Consent consent =
        new Consent("sms-1", "BIND TVBOX-0001", PAYER, "1008601", BOUND_AT.minusSeconds(2));
    Binding binding =
        Binding.activate(
            "binding:TVBOX-0001:sms-1", DEVICE, new TokenHash("a".repeat(64)), consent, BOUND_AT);

    JsonNode json = json(BindingStatusJson.of(DEVICE, Optional.of(binding), "1008601"));

    assertThat(json.get("deviceId").asText()).isEqualTo("TVBOX-0001");
    assertThat(json.get("bound").asBoolean()).isTrue();
    assertThat(json.get("boundAt").asText()).isEqualTo("2026-11-22T06:30:00Z");
    assertThat(json.has("prompt")).isFalse();
    assertThat(json.toString()).doesNotContain(PAYER.digits()).doesNotContain("aaaa");
  }

  @Test
  void anUnboundDeviceGetsTheSmsToSendAndWhere() {
    JsonNode json = json(BindingStatusJson.of(DEVICE, Optional.empty(), "1008601"));

    assertThat(json.get("bound").asBoolean()).isFalse();
    assertThat(json.has("boundAt")).isFalse();
    assertThat(json.get("prompt").get("shortCode").asText()).isEqualTo("1008601");
    assertThat(json.get("prompt").get("text").asText()).isEqualTo("BIND TVBOX-0001");
    assertThat(json.get("prompt").get("message").asText())
        .contains("发送短信 BIND TVBOX-0001 到 1008601")
        .contains("text BIND TVBOX-0001 to 1008601");
  }

  @Test
  void theBindingShortCodeIsTheOperatorsSecondShortCode() {
    OperatorProfile alpha = OperatorProfiles.allInOne().find(new OperatorId("alpha")).orElseThrow();

    assertThat(DeviceFeatures.bindingShortCode(alpha)).isEqualTo("1008601");
  }

  private static JsonNode json(BindingStatusJson status) {
    return Json.mapper().valueToTree(status);
  }
}
