package org.telco.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.telco.engine.EngineSettings;

/**
 * How to start a platform.
 *
 * @param dataDirectory where credentials, the simulated clock and embedded PostgreSQL live
 * @param nodes the nodes to run in this process
 * @param peerAddresses base URIs of every node, by name, including those run elsewhere
 * @param externalDatabase JDBC URL of an external PostgreSQL, where {@code {node}} stands for the
 *     node name; null to run embedded PostgreSQL
 * @param databaseUser login for the external database
 * @param databasePassword password for the external database
 * @param simulatedClock whether time stands still until advanced through the API
 * @param host the address nodes listen on
 * @param postgresPort the embedded PostgreSQL port
 * @param engine ledger engine sizing
 * @param demoData whether the operators seed their demo subscribers at start
 */
public record PlatformSettings(
    Path dataDirectory,
    List<NodeSpec> nodes,
    Map<String, String> peerAddresses,
    String externalDatabase,
    String databaseUser,
    String databasePassword,
    boolean simulatedClock,
    String host,
    int postgresPort,
    EngineSettings engine,
    boolean demoData) {

  @Override
  public String toString() {
    return "PlatformSettings[" + dataDirectory + ", nodes=" + nodes + "]";
  }
}
