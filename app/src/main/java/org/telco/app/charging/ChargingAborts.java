package org.telco.app.charging;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.telco.charging.ChargingSession;
import org.telco.network.NetworkCommand;
import org.telco.network.NetworkCommands;
import org.telco.outbox.Outbox;
import org.telco.outbox.OutboxHandler;
import org.telco.outbox.OutboxMessage;
import org.telco.subscriber.Msisdn;

/**
 * Delivers network commands and, when one bars a line or ends its data sessions, tells the SMF of
 * each of the line's open charging sessions to stop (an Nchf {@code ABORT_CHARGING} notification to
 * the session's {@code notifyUri}). The notifications go through the outbox as messages of {@value
 * ChargingNotifier#TOPIC}, one per session and command, so an SMF that is down delays only them,
 * never the barring of other lines.
 */
final class ChargingAborts implements OutboxHandler {
  private final OutboxHandler network;
  private final OnlineCharging charging;
  private final Outbox outbox;
  private final Clock clock;

  /**
   * @param network the handler that applies the commands to the network gateway
   */
  ChargingAborts(OutboxHandler network, OnlineCharging charging, Outbox outbox, Clock clock) {
    this.network = Objects.requireNonNull(network, "network");
    this.charging = charging;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public void deliver(OutboxMessage message) throws Exception {
    network.deliver(message);
    List<NetworkCommand> commands;
    try {
      commands = NetworkCommands.commands(message);
    } catch (IllegalArgumentException e) {
      return; // the network handler has logged and dropped it
    }
    for (NetworkCommand command : commands) {
      if (command instanceof NetworkCommand.Bar
          || command instanceof NetworkCommand.TerminateDataSessions) {
        abortSessionsOf(command);
      }
    }
  }

  private void abortSessionsOf(NetworkCommand command) {
    if (!Msisdn.isWellFormed(command.msisdn())) {
      return;
    }
    for (ChargingSession session : charging.openSessionsOf(new Msisdn(command.msisdn()))) {
      if (session.notifyUri() != null) {
        outbox.enqueue(
            OutboxMessage.of(
                "abort:" + session.ref().value() + ":" + command.commandId(),
                ChargingNotifier.TOPIC,
                ChargingNotifier.payload(session.ref(), session.notifyUri()),
                clock.instant()));
      }
    }
  }
}
