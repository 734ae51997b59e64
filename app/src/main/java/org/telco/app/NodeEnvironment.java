package org.telco.app;

import java.time.Clock;
import java.util.Map;
import org.telco.engine.EngineSettings;
import org.telco.subscriber.OperatorProfiles;

/**
 * What a node gets from whoever starts it.
 *
 * @param clock the business clock (simulated on demo platforms)
 * @param wallClock the real clock, for replay protection between nodes
 * @param database where the node's database is
 * @param credentials the platform's credentials
 * @param peerAddresses base URI of every other node, by name
 * @param engine ledger engine sizing
 * @param host the address to listen on
 * @param clockListeners what runs after the simulated clock is advanced
 * @param operators the platform's operators, from {@code operators.json}
 * @param features what the operator set for its flows (emergency credit, devices, porting)
 */
public record NodeEnvironment(
    Clock clock,
    Clock wallClock,
    DatabaseAddress database,
    Credentials credentials,
    Map<String, String> peerAddresses,
    EngineSettings engine,
    String host,
    ClockListeners clockListeners,
    OperatorProfiles operators,
    FeatureSettings features) {

  /**
   * A JDBC address and login.
   *
   * @param jdbcUrl the JDBC URL of the node's database
   * @param user the login
   * @param password the password
   */
  public record DatabaseAddress(String jdbcUrl, String user, String password) {
    @Override
    public String toString() {
      return "DatabaseAddress[" + jdbcUrl + ", user=" + user + "]";
    }
  }
}
