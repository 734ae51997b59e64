package org.telco.network;

import java.time.Instant;
import java.util.Objects;

/**
 * A command the network carried out, as its command log keeps it: the outcome of {@link
 * NetworkGateway#apply}, returned again unchanged when the same command id comes back.
 *
 * @param command the command
 * @param appliedAt when the network applied it
 * @param lineAfter the line as the command left it; its last command is this one
 */
public record AppliedCommand(NetworkCommand command, Instant appliedAt, LineStatus lineAfter) {
  /** Requires every field, and a line that is the command's and names it as its last command. */
  public AppliedCommand {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(appliedAt, "appliedAt");
    Objects.requireNonNull(lineAfter, "lineAfter");
    if (!lineAfter.msisdn().equals(command.msisdn())
        || !command.commandId().equals(lineAfter.lastCommandId())) {
      throw new IllegalArgumentException(
          "line " + lineAfter + " is not the outcome of command " + command);
    }
  }
}
