package org.telco.network;

import java.util.List;
import java.util.Optional;

/**
 * Where the {@link SimulatedHlr} keeps its state (port): the status of each line and the
 * append-only log of applied commands. {@link InMemoryHlrStore} is the reference implementation;
 * the PostgreSQL one passes the same contract suite, so the simulated network survives restarts.
 */
public interface HlrStore {
  /** The line's status; a line never stored is {@link LineStatus#fresh}. */
  LineStatus line(String msisdn);

  /** The command logged under this id, if any. */
  Optional<AppliedCommand> applied(String commandId);

  /**
   * Appends the command to the log and makes its {@code lineAfter} the line's status, both or
   * neither. If the id is logged already, nothing changes.
   *
   * @return what is logged under the command's id now: {@code applied}, or the earlier command
   */
  AppliedCommand append(AppliedCommand applied);

  /** Replaces a line's status without a command, as when a data session opens. */
  void saveLine(LineStatus line);

  /** The line's applied commands, oldest first. */
  List<AppliedCommand> log(String msisdn);
}
