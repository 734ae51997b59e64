package org.telco.app.device;

import java.util.Optional;
import org.telco.device.Binding;
import org.telco.device.DeviceId;

/**
 * {@code GET /api/v1/devices/{deviceId}/binding}: whether number-bound payment is active, and when
 * not, what the device shows. Never the paying number: the device must not learn it.
 *
 * @param deviceId the device
 * @param bound whether it has an active binding
 * @param boundAt when the active binding began; null when not bound
 * @param prompt what to show; null when bound
 */
record BindingStatusJson(String deviceId, boolean bound, String boundAt, Prompt prompt) {
  /** The status of {@code deviceId}, given its active binding if any. */
  static BindingStatusJson of(DeviceId deviceId, Optional<Binding> active, String shortCode) {
    return active
        .map(b -> new BindingStatusJson(deviceId.value(), true, b.boundAt().toString(), null))
        .orElseGet(
            () ->
                new BindingStatusJson(
                    deviceId.value(), false, null, Prompt.of(deviceId, shortCode)));
  }

  /**
   * What an input-less device shows to be bound: the exact SMS and where to send it, and the same
   * in a sentence for a person, in Chinese and English as the binding service answers.
   *
   * @param shortCode the binding short code
   * @param text the SMS to send, {@code BIND <deviceId>}
   * @param message the human prompt
   */
  record Prompt(String shortCode, String text, String message) {
    static Prompt of(DeviceId deviceId, String shortCode) {
      String text = "BIND " + deviceId.value();
      return new Prompt(
          shortCode,
          text,
          "请用付费手机发送短信 "
              + text
              + " 到 "
              + shortCode
              + " 开通话费支付。To pay with your mobile number, text "
              + text
              + " to "
              + shortCode
              + " from the phone that should pay.");
    }
  }
}
