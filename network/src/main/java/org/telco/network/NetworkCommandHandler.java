package org.telco.network;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.telco.outbox.OutboxHandler;
import org.telco.outbox.OutboxMessage;

/**
 * Delivers outbox messages of topic {@value NetworkCommands#TOPIC} to the network gateway. It is
 * idempotent because the gateway is: a second delivery of the same command id changes nothing.
 *
 * <p>Gateway failures are thrown, so the relay retries. A payload that is not a command can never
 * be delivered; it is logged as severe and accepted, rather than holding back every later command
 * behind it.
 */
public final class NetworkCommandHandler implements OutboxHandler {
  private static final Logger LOG = Logger.getLogger(NetworkCommandHandler.class.getName());

  private final NetworkGateway gateway;

  /** A handler applying commands to {@code gateway}. */
  public NetworkCommandHandler(NetworkGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public void deliver(OutboxMessage message) {
    List<NetworkCommand> commands;
    try {
      commands = NetworkCommands.commands(message);
    } catch (IllegalArgumentException e) {
      LOG.log(Level.SEVERE, "dropping outbox message " + message.id() + ": not a command", e);
      return;
    }
    for (NetworkCommand command : commands) {
      gateway.apply(command);
    }
  }
}
