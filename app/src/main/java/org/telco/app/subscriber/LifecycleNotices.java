package org.telco.app.subscriber;

import java.util.Locale;
import java.util.Optional;
import org.telco.messaging.SmsMessage;
import org.telco.messaging.SmsMessages;
import org.telco.network.NetworkCommand;
import org.telco.network.NetworkCommands;
import org.telco.outbox.Outbox;
import org.telco.subscriber.OperatorProfile;
import org.telco.subscriber.StateChange;

/**
 * Puts in the outbox what a state change tells the network and the subscriber: a bar or unbar
 * command and an SMS. The message ids are derived from the change (number and time to the
 * millisecond), so enqueuing the same change twice, as a retried request does, is a no-op.
 */
public final class LifecycleNotices {
  /** Reason given to the network for a voluntary suspension's bar. */
  public static final String VOLUNTARY_BAR_REASON = "voluntary-suspension";

  private final OperatorProfile profile;
  private final Outbox outbox;

  /** Notices of one operator, sent from its service short code. */
  public LifecycleNotices(OperatorProfile profile, Outbox outbox) {
    this.profile = profile;
    this.outbox = outbox;
  }

  /** Enqueues the command and SMS the change calls for, if any. */
  public void enqueue(StateChange change) {
    String digits = change.msisdn().digits();
    String key = digits + ":" + change.at().toEpochMilli();
    Optional<Notice> notice =
        switch (change.reason()) {
          case SUSPENDED_BY_REQUEST ->
              Optional.of(
                  new Notice(
                      new NetworkCommand.Bar("suspend:" + key, digits, VOLUNTARY_BAR_REASON),
                      "Your number is suspended at your request. Resume it at any time."));
          case RESUMED_BY_REQUEST ->
              Optional.of(
                  new Notice(
                      new NetworkCommand.Unbar("resume:" + key, digits),
                      "Your number is in service again."));
          case ARREARS_PAID ->
              Optional.of(
                  new Notice(
                      new NetworkCommand.Unbar("reopen:" + key, digits),
                      "Thank you for your payment. Your number is in service again."));
          case ADVANCE_REPAID ->
              Optional.of(
                  new Notice(
                      new NetworkCommand.Unbar("repaid:" + key, digits),
                      "Thank you: your emergency advance is repaid and your number is fully"
                          + " re-opened."));
          case SUBSCRIBED, FEE_UNPAID, PORTED_OUT, CLOSED -> Optional.empty();
          // Emergency credit sends its own, with the advance's figures (EmergencyCreditNotices).
          case EMERGENCY_CREDIT_GRANTED, ADVANCE_DEFAULTED -> Optional.empty();
        };
    notice.ifPresent(
        n -> {
          outbox.enqueue(NetworkCommands.message(n.command(), change.at()));
          String smsId = change.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
          outbox.enqueue(
              SmsMessages.message(
                  new SmsMessage(
                      smsId + ":" + key,
                      profile.serviceShortCode(),
                      digits,
                      n.text(),
                      change.at())));
        });
  }

  /**
   * What the network and the subscriber are told about one change.
   *
   * @param command the network command
   * @param text the SMS to the subscriber
   */
  private record Notice(NetworkCommand command, String text) {}
}
