package org.telco.network;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The built-in {@link NetworkGateway}: a stand-in for the HLR (barring) and PCF (data sessions) of
 * a real network, with its own state in an {@link HlrStore}. Demos and tests watch it through
 * {@link #status} and the append-only {@link #commandLog}.
 *
 * <p>Barring refuses new data sessions but leaves open ones alone, as real barring does; the
 * prepaid side sends {@link NetworkCommand.TerminateDataSessions} when sessions must end. Commands
 * are applied one at a time under the simulator's monitor.
 */
public final class SimulatedHlr implements NetworkGateway {
  private final HlrStore store;
  private final Clock clock;

  /** A simulator keeping its state in {@code store}, stamping commands with {@code clock}. */
  public SimulatedHlr(HlrStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public synchronized AppliedCommand apply(NetworkCommand command) {
    Optional<AppliedCommand> earlier = store.applied(command.commandId());
    if (earlier.isPresent()) {
      return earlier.get();
    }
    LineStatus line = store.line(command.msisdn());
    LineStatus after =
        switch (command) {
          case NetworkCommand.Bar bar ->
              new LineStatus(line.msisdn(), true, line.dataSessionsActive(), bar.commandId());
          case NetworkCommand.Unbar unbar ->
              new LineStatus(line.msisdn(), false, line.dataSessionsActive(), unbar.commandId());
          case NetworkCommand.TerminateDataSessions terminate ->
              new LineStatus(line.msisdn(), line.barred(), 0, terminate.commandId());
        };
    return store.append(new AppliedCommand(command, clock.instant(), after));
  }

  @Override
  public LineStatus status(String msisdn) {
    return store.line(MsisdnDigits.require(msisdn, "msisdn"));
  }

  /** The commands applied to the line, oldest first; a repeated command id appears once. */
  public List<AppliedCommand> commandLog(String msisdn) {
    return store.log(MsisdnDigits.require(msisdn, "msisdn"));
  }

  /**
   * Opens a data session on the line, as the core network does when a handset attaches; the data
   * session generator of the demos calls it.
   *
   * @return false, and no session, if the line is barred
   */
  public synchronized boolean openDataSession(String msisdn) {
    LineStatus line = store.line(MsisdnDigits.require(msisdn, "msisdn"));
    if (line.barred()) {
      return false;
    }
    store.saveLine(line.withDataSessions(Math.addExact(line.dataSessionsActive(), 1)));
    return true;
  }
}
