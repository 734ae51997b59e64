package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telco.device.BindingRefusal;
import org.telco.device.BindingReplies;
import org.telco.device.DeviceId;

/**
 * Flow F3's binding by SMS over real HTTP, the SMS centre and the PostgreSQL device store: a device
 * asks and gets the prompt, the paying phone texts the prompt's text to the prompt's short code,
 * the device's data SIM receives the activation with its token and the phone the confirmation, and
 * the device then asks and is bound. Malformed texts get the help, unknown devices and other
 * numbers are refused, and the payer's UNBIND ends it.
 */
class DeviceBindingIT {
  private static final AtomicLong NUMBERS = new AtomicLong(8613800008000L);
  private static final AtomicLong DEVICES = new AtomicLong(2000);

  private static TestPlatform platform;
  private static String base;
  private static String admin;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = TestPlatform.start();
    base = platform.url("alpha") + "/api/v1";
    admin = platform.adminKey("alpha");
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  @Test
  void thePhoneTextsThePromptAndTheDeviceIsBoundUntilThePhoneUnbindsIt() {
    String dataSim = subscribe();
    String phone = subscribe();
    pay(phone, "bind-it-1");
    String id = "TVBOX-" + DEVICES.incrementAndGet();
    String credentials = id + ":" + register(id, dataSim);

    JsonNode prompt = binding(id, credentials).get("prompt");
    String code = prompt.get("shortCode").asText();
    assertThat(sendFrom(phone, code, prompt.get("text").asText()).status()).isEqualTo(202);

    String activation = awaitInbox(dataSim, text -> text.contains("TOKEN "));
    assertThat(activation).startsWith("Number-bound payment is active on " + id + ".");
    assertThat(activation.substring(activation.indexOf("TOKEN ") + 6)).matches("[A-Za-z0-9_-]{43}");
    assertThat(activation).doesNotContain(phone);
    awaitInbox(phone, text -> text.equals(BindingReplies.bound(new DeviceId(id))));

    JsonNode bound = binding(id, credentials);
    assertThat(bound.get("bound").asBoolean()).as(bound.toString()).isTrue();
    assertThat(bound.has("prompt")).isFalse();
    assertThat(bound.toString()).doesNotContain(phone);

    String other = subscribe();
    sendFrom(other, code, "bind " + id.toLowerCase(Locale.ROOT));
    awaitInbox(other, text -> text.equals(BindingRefusal.BOUND_TO_ANOTHER_NUMBER.reply()));
    sendFrom(other, code, "UNBIND " + id);
    awaitInbox(other, text -> text.equals(BindingRefusal.NOT_THE_PAYER.reply()));
    assertThat(binding(id, credentials).get("bound").asBoolean()).isTrue();

    sendFrom(phone, code, "UNBIND " + id);
    awaitInbox(phone, text -> text.equals(BindingReplies.unbound(new DeviceId(id))));
    awaitInbox(dataSim, text -> text.contains("ended on " + id));
    JsonNode unbound = binding(id, credentials);
    assertThat(unbound.get("bound").asBoolean()).isFalse();
    assertThat(unbound.get("prompt").get("text").asText()).isEqualTo("BIND " + id);
  }

  @Test
  void aMalformedTextGetsTheHelpAndChangesNothing() {
    String dataSim = subscribe();
    String phone = subscribe();
    String id = "TVBOX-" + DEVICES.incrementAndGet();
    String credentials = id + ":" + register(id, dataSim);
    String code = binding(id, credentials).get("prompt").get("shortCode").asText();

    sendFrom(phone, code, "BIND " + id + " please");
    awaitInbox(phone, text -> text.equals(BindingReplies.HELP));
    assertThat(binding(id, credentials).get("bound").asBoolean()).isFalse();
  }

  @Test
  void bindForAnUnknownDeviceIsRefused() {
    String phone = subscribe();
    String dataSim = subscribe();
    String id = "TVBOX-" + DEVICES.incrementAndGet();
    String code =
        binding(id, id + ":" + register(id, dataSim)).get("prompt").get("shortCode").asText();

    sendFrom(phone, code, "BIND TVBOX-NONE-" + DEVICES.incrementAndGet());
    awaitInbox(phone, text -> text.equals(BindingRefusal.DEVICE_UNKNOWN.reply()));
  }

  private static String register(String deviceId, String dataSim) {
    Http.Response registered =
        Http.post(
            base + "/devices",
            admin,
            "{\"deviceId\":\"" + deviceId + "\",\"dataSim\":\"" + dataSim + "\"}");
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    return registered.json().get("secret").asText();
  }

  private static JsonNode binding(String deviceId, String credentials) {
    Http.Response asked =
        Http.getWith(
            base + "/devices/" + deviceId + "/binding",
            Map.of("Authorization", "Device " + credentials));
    assertThat(asked.status()).as(asked.body()).isEqualTo(200);
    return asked.json();
  }

  private static Http.Response sendFrom(String msisdn, String to, String text) {
    Http.Response sent =
        Http.post(
            base + "/handsets/" + msisdn + "/sms",
            platform.partnerKey("alpha"),
            "{\"to\":\"" + to + "\",\"text\":\"" + text + "\"}");
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    return sent;
  }

  private static void pay(String msisdn, String paymentId) {
    Http.Response paid =
        Http.post(
            base + "/payments",
            admin,
            "{\"id\":\""
                + paymentId
                + "\",\"msisdn\":\""
                + msisdn
                + "\",\"amountFen\":5000,\"payer\":\""
                + msisdn
                + "\",\"channel\":\"SANDBOX\"}");
    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
  }

  private static String subscribe() {
    String msisdn = Long.toString(NUMBERS.incrementAndGet());
    Http.Response created =
        Http.post(
            base + "/subscribers",
            admin,
            "{\"msisdn\":\""
                + msisdn
                + "\",\"planId\":\"standard\",\"servicePassword\":\"Kx7-pw19q\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return msisdn;
  }

  /** The first text in the handset's inbox that {@code wanted} accepts, waited for up to 15 s. */
  private static String awaitInbox(String msisdn, Predicate<String> wanted) {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (true) {
      JsonNode inbox =
          Http.get(base + "/handsets/" + msisdn + "/inbox", platform.partnerKey("alpha")).json();
      for (JsonNode message : inbox) {
        String text = message.get("text").asText();
        if (wanted.test(text)) {
          return text;
        }
      }
      assertThat(System.nanoTime()).as("waiting for the message in " + inbox).isLessThan(deadline);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
