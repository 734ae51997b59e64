package org.telco.app.device;

import java.time.Instant;
import org.telco.device.Binding;
import org.telco.device.Consent;

/**
 * A binding as staff see it ({@code GET /api/v1/devices/{id}}, {@code DELETE
 * /api/v1/devices/{id}/binding}): the paying number and the consent it rests on. Never shown to the
 * device.
 *
 * @param id the binding's id
 * @param deviceId the device
 * @param payer the paying number
 * @param state ACTIVE or UNBOUND
 * @param boundAt when it began
 * @param unboundAt when it ended; null while active
 * @param unboundBy SMS or API; null while active
 * @param consent the BIND SMS that allowed it
 */
record BindingJson(
    String id,
    String deviceId,
    String payer,
    String state,
    String boundAt,
    String unboundAt,
    String unboundBy,
    ConsentJson consent) {
  static BindingJson of(Binding binding) {
    return new BindingJson(
        binding.id(),
        binding.deviceId().value(),
        binding.payer().digits(),
        binding.state().name(),
        binding.boundAt().toString(),
        text(binding.unboundAt()),
        binding.unboundBy() == null ? null : binding.unboundBy().name(),
        ConsentJson.of(binding.consent()));
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /**
   * The evidence of consent: the MO SMS as the SMS platform passed it on.
   *
   * @param smsId its id at the SMS platform
   * @param text what was sent
   * @param from the phone that sent it
   * @param to the short code
   * @param receivedAt when the SMS platform accepted it
   */
  record ConsentJson(String smsId, String text, String from, String to, String receivedAt) {
    static ConsentJson of(Consent consent) {
      return new ConsentJson(
          consent.smsId(),
          consent.text(),
          consent.from().digits(),
          consent.to(),
          consent.receivedAt().toString());
    }
  }
}
