package org.telco.device;

import java.time.Instant;
import java.util.Locale;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberFixtures;
import org.telco.subscriber.SubscriberState;

/** Devices, bindings and purchases for tests, here and in the store contract in other modules. */
public final class DeviceFixtures {
  /** A time with whole seconds, which every store keeps exactly. */
  public static final Instant T0 = Instant.parse("2026-03-10T04:30:00Z");

  /** The binding short code. */
  public static final String SHORT_CODE = "10658000";

  /** A paying phone. */
  public static final Msisdn ALICE = new Msisdn("8613800000001");

  /** Another paying phone. */
  public static final Msisdn BOB = new Msisdn("8613800000002");

  /** A TV box. */
  public static final DeviceId TVBOX = new DeviceId("TVBOX-0001");

  private DeviceFixtures() {}

  /** A device credential with one iteration and a salt that follows from the id. */
  public static ServicePassword credential(DeviceId id) {
    return SubscriberFixtures.password("secret-" + id, id.hashCode());
  }

  /** An unbound device registered at {@link #T0}, its data SIM numbered after {@code serial}. */
  public static Device device(DeviceId id, int serial) {
    return Device.register(
        id, new Msisdn("86147%08d".formatted(serial)), credential(id), T0.minusSeconds(86_400));
  }

  /** The BIND SMS {@code smsId} from {@code phone} for {@code deviceId}, received at {@code at}. */
  public static Consent consent(String smsId, Msisdn phone, DeviceId deviceId, Instant at) {
    return new Consent(
        smsId, "bind " + deviceId.value().toLowerCase(Locale.ROOT), phone, SHORT_CODE, at);
  }

  /** The hash of a token made from {@code seed}, distinct for distinct seeds. */
  public static TokenHash tokenHash(String seed) {
    return new BindingToken("token-" + seed).hash();
  }

  /** An active binding {@code id} of {@code deviceId} to {@code payer}, bound at {@code at}. */
  public static Binding binding(String id, DeviceId deviceId, Msisdn payer, Instant at) {
    return Binding.activate(
        id, deviceId, tokenHash(id), consent("sms-" + id, payer, deviceId, at), at);
  }

  /** An ACTIVE subscriber {@code msisdn}, moved to {@code state}. */
  public static Subscriber subscriber(Msisdn msisdn, SubscriberState state) {
    Subscriber s = SubscriberFixtures.subscriber(msisdn.digits(), 1, T0.minusSeconds(864_000));
    return new Subscriber(
        s.msisdn(),
        s.operatorId(),
        s.planId(),
        state,
        s.password(),
        s.moneyAccount(),
        s.arrearsAccount(),
        s.createdAt(),
        s.nextCycleAt(),
        s.version());
  }
}
