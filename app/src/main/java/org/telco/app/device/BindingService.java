package org.telco.app.device;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.telco.device.BindAttempt;
import org.telco.device.Binding;
import org.telco.device.BindingCommand;
import org.telco.device.BindingRefusal;
import org.telco.device.BindingReplies;
import org.telco.device.BindingRules;
import org.telco.device.BindingRules.BindVerdict;
import org.telco.device.BindingRules.UnbindVerdict;
import org.telco.device.BindingToken;
import org.telco.device.Consent;
import org.telco.device.Device;
import org.telco.device.DeviceId;
import org.telco.device.DeviceStore;
import org.telco.device.UnbindChannel;
import org.telco.messaging.SmsMessage;
import org.telco.messaging.SmsSender;
import org.telco.sms.MessageIds;
import org.telco.sms.ShortCodeService;
import org.telco.sms.ShortMessage;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberStore;

/**
 * {@code BIND <device id>} and {@code UNBIND <device id>} texted to the binding short code (flow
 * F3, docs/devices.md): the OSS side of number-bound payment. The reply to the phone is the
 * service's answer, which the SMS centre sends back from the short code; the device hears through a
 * notice to its data SIM, sent through the same centre.
 *
 * <p>Messages arrive at least once, so every write is keyed by the MO SMS id: the binding's id is
 * {@code binding:<device id>:<sms id>} (a redelivery collides in the store instead of binding
 * twice) and the notices' ids are derived from the SMS id (a redelivery sends nothing new).
 */
final class BindingService implements ShortCodeService {
  /** BINDs a phone may send per hour: enough for typos, too few to probe device ids. */
  static final int ATTEMPTS_PER_HOUR = 5;

  private final DeviceStore devices;
  private final SubscriberStore subscribers;
  private final SmsSender sms;
  private final String shortCode;
  private final BindingRules rules = new BindingRules(ATTEMPTS_PER_HOUR);
  private final Clock clock;
  private final RandomGenerator random;

  /**
   * The service over the device store, answering from {@code shortCode}.
   *
   * @param sms the SMS centre, for the notice to the device's data SIM
   * @param random the source of binding tokens; a {@code SecureRandom}, since a token is a bearer
   *     credential
   */
  BindingService(
      DeviceStore devices,
      SubscriberStore subscribers,
      SmsSender sms,
      String shortCode,
      Clock clock,
      RandomGenerator random) {
    this.devices = devices;
    this.subscribers = subscribers;
    this.sms = sms;
    this.shortCode = shortCode;
    this.clock = clock;
    this.random = random;
  }

  @Override
  public List<String> answer(ShortMessage message) {
    BindingCommand command = BindingCommand.parse(message.text());
    if (command instanceof BindingCommand.Malformed malformed) {
      return List.of(malformed.reply());
    }
    if (!Msisdn.isWellFormed(message.from())) {
      // Only a handset number can pay; an application's alphanumeric sender never binds.
      return List.of(BindingRefusal.PAYER_NOT_SUBSCRIBER.reply());
    }
    Msisdn sender = new Msisdn(message.from());
    return switch (command) {
      case BindingCommand.Bind bind -> List.of(bind(message, sender, bind.deviceId()));
      case BindingCommand.Unbind unbind -> List.of(unbind(message, sender, unbind.deviceId()));
      case BindingCommand.Malformed malformed -> List.of(malformed.reply());
    };
  }

  private String bind(ShortMessage message, Msisdn sender, DeviceId deviceId) {
    Optional<Subscriber> subscriber = subscribers.find(sender);
    Optional<Device> device = devices.device(deviceId);
    Optional<Binding> active = devices.activeBinding(deviceId);
    int recent = devices.attemptsSince(sender, BindingRules.windowStart(message.acceptedAt()));
    BindVerdict verdict = rules.bind(subscriber, device, active, recent);
    String reply =
        switch (verdict) {
          case BindVerdict.Refused refused -> refuse(message, sender, deviceId, refused.reason());
          case BindVerdict.AlreadyBound already ->
              reissue(message, sender, device.orElseThrow(), already.binding());
          case BindVerdict.Bind ignored -> activate(message, sender, device.orElseThrow());
        };
    return reply;
  }

  /**
   * Stores a new binding and tells the device its token. The store, not the rules read a moment
   * ago, has the last word: a rival BIND may have won since, or this very SMS may be a redelivery
   * of one that bound already.
   */
  private String activate(ShortMessage message, Msisdn sender, Device device) {
    Instant now = clock.instant();
    BindingToken token = BindingToken.issue(random);
    Consent consent =
        new Consent(message.id(), message.text(), sender, message.to(), message.acceptedAt());
    String id = "binding:" + device.id() + ":" + message.id();
    Binding binding = Binding.activate(id, device.id(), token.hash(), consent, now);
    return switch (devices.bind(binding)) {
      case BOUND -> {
        sms.send(
            new SmsMessage(
                MessageIds.derived(message.id(), "activation"),
                shortCode,
                device.dataSim().digits(),
                BindingReplies.activation(device.id(), token),
                now));
        yield confirm(message, sender, device.id(), true);
      }
      case BINDING_TAKEN -> confirm(message, sender, device.id(), false);
      case DEVICE_UNKNOWN -> refuse(message, sender, device.id(), BindingRefusal.DEVICE_UNKNOWN);
      case DEVICE_ALREADY_BOUND -> raceLost(message, sender, device.id());
    };
  }

  /**
   * A BIND from the payer of an active binding: the device lost its token or never got it (it was
   * reset, or was off when the activation came), so it gets a new one and the old one stops
   * working. A redelivery of the SMS that made the binding only confirms: its activation was sent
   * with it.
   *
   * <p>The activation's id names the new token's hash, so each re-issue sends its own SMS and the
   * device keeps the newest; a lost compare-and-set (a rival re-issue or unbind) sends nothing.
   */
  private String reissue(ShortMessage message, Msisdn sender, Device device, Binding active) {
    if (active.consent().smsId().equals(message.id())) {
      return confirm(message, sender, device.id(), false);
    }
    BindingToken token = BindingToken.issue(random);
    Binding renewed = active.withToken(token.hash());
    if (devices.reissue(active, renewed)) {
      sms.send(
          new SmsMessage(
              MessageIds.derived(message.id(), "activation:" + token.hash().hex().substring(0, 16)),
              shortCode,
              device.dataSim().digits(),
              BindingReplies.activation(device.id(), token),
              clock.instant()));
    }
    return confirm(message, sender, device.id(), false);
  }

  /** A rival's binding was stored first: judged again, as the owner's retry or a refusal. */
  private String raceLost(ShortMessage message, Msisdn sender, DeviceId deviceId) {
    Optional<Binding> winner = devices.activeBinding(deviceId);
    if (winner.isPresent() && winner.get().payer().equals(sender)) {
      return confirm(message, sender, deviceId, false);
    }
    return refuse(message, sender, deviceId, BindingRefusal.BOUND_TO_ANOTHER_NUMBER);
  }

  private String confirm(ShortMessage message, Msisdn sender, DeviceId deviceId, boolean bound) {
    BindAttempt.Outcome outcome =
        bound ? BindAttempt.Outcome.BOUND : BindAttempt.Outcome.ALREADY_BOUND;
    devices.recordAttempt(
        new BindAttempt(sender, deviceId, message.id(), message.acceptedAt(), outcome, null));
    return BindingReplies.bound(deviceId);
  }

  private String refuse(
      ShortMessage message, Msisdn sender, DeviceId deviceId, BindingRefusal reason) {
    devices.recordAttempt(
        new BindAttempt(
            sender,
            deviceId,
            message.id(),
            message.acceptedAt(),
            BindAttempt.Outcome.REFUSED,
            reason));
    return reason.reply();
  }

  /**
   * Ends the sender's binding of the device. The compare-and-set loses only to another unbind (an
   * API call, or this SMS delivered twice), so a lost one is answered as not bound.
   */
  private String unbind(ShortMessage message, Msisdn sender, DeviceId deviceId) {
    Optional<Device> device = devices.device(deviceId);
    UnbindVerdict verdict = rules.unbind(sender, device, devices.activeBinding(deviceId));
    if (verdict instanceof UnbindVerdict.Refused refused) {
      return refused.reason().reply();
    }
    Binding before = ((UnbindVerdict.Unbind) verdict).binding();
    Instant now = clock.instant();
    if (!devices.unbind(before, before.unbind(now, UnbindChannel.SMS))) {
      return BindingRefusal.NOT_BOUND.reply();
    }
    sms.send(
        new SmsMessage(
            MessageIds.derived(message.id(), "deactivation"),
            shortCode,
            device.orElseThrow().dataSim().digits(),
            deactivation(deviceId),
            now));
    return BindingReplies.unbound(deviceId);
  }

  /**
   * Ends the device's binding for customer care ({@code DELETE /api/v1/devices/{id}/binding}), with
   * the same notices as an UNBIND by SMS: the device learns its token is void, and the payer that
   * the device no longer charges the number. The notices' ids derive from the binding's id, which
   * ends once, so a retried call sends nothing twice.
   *
   * @return the binding as it ended; empty when the device had none active (or a rival ended it)
   */
  Optional<Binding> unbindByStaff(Device device) {
    Optional<Binding> active = devices.activeBinding(device.id());
    if (active.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Binding after = active.get().unbind(now, UnbindChannel.API);
    if (!devices.unbind(active.get(), after)) {
      return Optional.empty();
    }
    sms.send(
        new SmsMessage(
            MessageIds.derived(after.id(), "deactivation"),
            shortCode,
            device.dataSim().digits(),
            deactivation(device.id()),
            now));
    sms.send(
        new SmsMessage(
            MessageIds.derived(after.id(), "unbound"),
            shortCode,
            after.payer().digits(),
            BindingReplies.unbound(device.id()),
            now));
    return Optional.of(after);
  }

  /** To the device's data SIM once its binding ended: its token charges nothing any more. */
  static String deactivation(DeviceId deviceId) {
    return "Number-bound payment has ended on " + deviceId + ". UNBOUND";
  }
}
