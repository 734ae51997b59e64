package org.telco.network;

/**
 * The operator's door to the mobile network (port): bar and unbar lines, end their data sessions,
 * ask how a line stands. {@link SimulatedHlr} is the built-in implementation; an adapter to a real
 * HLR/HSS and PCF can replace it.
 *
 * <p>Commands arrive at least once (they come through the outbox), so {@link #apply} is idempotent
 * by command id. Failures a retry can cure (the network is unreachable) are thrown as unchecked
 * exceptions, and the outbox retries.
 */
public interface NetworkGateway {
  /**
   * Carries out the command. A command id seen before changes nothing and returns the first
   * outcome, even if the line has changed since.
   */
  AppliedCommand apply(NetworkCommand command);

  /** How the line stands now; a line never commanded is open with no sessions. */
  LineStatus status(String msisdn);
}
