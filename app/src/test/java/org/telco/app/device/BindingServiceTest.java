package org.telco.app.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.telco.device.Binding;
import org.telco.device.BindingRefusal;
import org.telco.device.BindingReplies;
import org.telco.device.BindingToken;
import org.telco.device.Device;
import org.telco.device.DeviceId;
import org.telco.device.InMemoryDeviceStore;
import org.telco.messaging.SmsMessage;
import org.telco.sms.Origin;
import org.telco.sms.ShortMessage;
import org.telco.subscriber.BillingCycles;
import org.telco.subscriber.InMemorySubscriberStore;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.PlanId;
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberAccounts;

/**
 * What the HTTP test cannot reach: a redelivered BIND binds once and tells the device once, and the
 * rate limit counts every BIND, refused or not.
 */
class BindingServiceTest {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private static final String CODE = "1008601";
  private static final DeviceId BOX = new DeviceId("TVBOX-0001");
  private static final Msisdn DATA_SIM = new Msisdn("8613800000001");
  private static final Msisdn PHONE = new Msisdn("8613800000002");
  private static final ServicePassword PASSWORD =
      ServicePassword.derive("Qw9-zx81".toCharArray(), new byte[16], 1);

  private final InMemoryDeviceStore devices = new InMemoryDeviceStore();
  private final InMemorySubscriberStore subscribers = new InMemorySubscriberStore();
  private final List<SmsMessage> sent = new ArrayList<>();
  private final BindingService service =
      new BindingService(
          devices, subscribers, sent::add, CODE, Clock.fixed(T0, ZoneOffset.UTC), new Random(1));

  BindingServiceTest() {
    devices.register(Device.register(BOX, DATA_SIM, PASSWORD, T0));
    subscribers.create(subscriber(PHONE, 1));
  }

  @Test
  void aRedeliveredBindBindsOnceAndTellsTheDeviceOnce() {
    ShortMessage bind = mo("sms-1", PHONE, "BIND tvbox-0001");

    assertThat(service.answer(bind)).containsExactly(BindingReplies.bound(BOX));
    assertThat(service.answer(bind)).containsExactly(BindingReplies.bound(BOX));

    assertThat(devices.activeBinding(BOX).orElseThrow().id()).isEqualTo("binding:TVBOX-0001:sms-1");
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).to()).isEqualTo(DATA_SIM.digits());
    assertThat(sent.get(0).from()).isEqualTo(CODE);
    assertThat(sent.get(0).id()).isEqualTo("sms-1:activation");
    assertThat(sent.get(0).text()).contains("TOKEN ");
  }

  @Test
  void aNewBindFromThePayerGivesTheDeviceANewTokenAndVoidsTheOld() {
    service.answer(mo("sms-1", PHONE, "BIND TVBOX-0001"));
    Binding first = devices.activeBinding(BOX).orElseThrow();

    assertThat(service.answer(mo("sms-2", PHONE, "BIND TVBOX-0001")))
        .containsExactly(BindingReplies.bound(BOX));

    Binding renewed = devices.activeBinding(BOX).orElseThrow();
    assertThat(renewed.id()).isEqualTo(first.id());
    assertThat(renewed.consent()).isEqualTo(first.consent());
    assertThat(renewed.tokenHash()).isNotEqualTo(first.tokenHash());
    assertThat(devices.bindingByToken(first.tokenHash())).isEmpty();
    assertThat(sent).hasSize(2);
    String token = sent.get(1).text().substring(sent.get(1).text().indexOf("TOKEN ") + 6);
    assertThat(new BindingToken(token).hash()).isEqualTo(renewed.tokenHash());
    assertThat(sent.get(1).id()).startsWith("sms-2:activation:").isNotEqualTo(sent.get(0).id());
  }

  @Test
  void everyBindCountsTowardsTheRateLimit() {
    for (int i = 0; i < BindingService.ATTEMPTS_PER_HOUR; i++) {
      assertThat(service.answer(mo("sms-" + i, PHONE, "BIND TVBOX-999" + i)))
          .containsExactly(BindingRefusal.DEVICE_UNKNOWN.reply());
    }
    assertThat(service.answer(mo("sms-last", PHONE, "BIND TVBOX-0001")))
        .containsExactly(BindingRefusal.RATE_LIMITED.reply());
    assertThat(devices.activeBinding(BOX)).isEmpty();
    assertThat(sent).isEmpty();
  }

  @Test
  void anUnbindIsAnsweredOnceAndItsRedeliveryFindsNothingBound() {
    service.answer(mo("sms-1", PHONE, "BIND TVBOX-0001"));
    ShortMessage unbind = mo("sms-2", PHONE, "unbind TVBOX-0001");

    assertThat(service.answer(unbind)).containsExactly(BindingReplies.unbound(BOX));
    assertThat(service.answer(unbind)).containsExactly(BindingRefusal.NOT_BOUND.reply());
    assertThat(devices.activeBinding(BOX)).isEmpty();
    assertThat(sent)
        .extracting(SmsMessage::id)
        .containsExactly("sms-1:activation", "sms-2:deactivation");
  }

  @Test
  void aStrangerAndAnApplicationSenderCannotBind() {
    assertThat(service.answer(mo("sms-1", new Msisdn("8613800000099"), "BIND TVBOX-0001")))
        .containsExactly(BindingRefusal.PAYER_NOT_SUBSCRIBER.reply());
    ShortMessage fromBank =
        new ShortMessage(
            "sms-2", new Origin.Esme("bank"), "BANK", CODE, "BIND TVBOX-0001", false, T0);
    assertThat(service.answer(fromBank))
        .containsExactly(BindingRefusal.PAYER_NOT_SUBSCRIBER.reply());
    assertThat(devices.activeBinding(BOX)).isEmpty();
  }

  private static ShortMessage mo(String id, Msisdn from, String text) {
    return new ShortMessage(
        id, new Origin.Handset(from.digits()), from.digits(), CODE, text, false, T0);
  }

  private static Subscriber subscriber(Msisdn msisdn, long serial) {
    return Subscriber.subscribe(
        msisdn,
        new OperatorId("alpha"),
        new PlanId("standard"),
        PASSWORD,
        SubscriberAccounts.subscriberFamily(serial),
        T0.minusSeconds(86_400),
        new BillingCycles(ZoneId.of("Asia/Shanghai")));
  }
}
