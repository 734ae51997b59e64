package org.telco.app;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One node of the platform: its name (also its database name suffix and its identity toward peers),
 * its kind, its HTTP port and, for an operator, the port of its SMS centre's SMPP server.
 *
 * @param name lower-case letters, such as {@code alpha}
 * @param kind clearinghouse or operator
 * @param port its HTTP port
 * @param smppPort its SMPP port, or {@link #NO_SMPP} for the clearinghouse
 */
public record NodeSpec(String name, NodeKind kind, int port, int smppPort) {
  /** The SMPP port of a node without an SMS centre. */
  public static final int NO_SMPP = -1;

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,30}");

  /** The nodes of the all-in-one platform, on their default ports. */
  public static final List<NodeSpec> ALL_IN_ONE =
      List.of(
          new NodeSpec("clearinghouse", NodeKind.CLEARINGHOUSE, 8080, NO_SMPP),
          new NodeSpec("alpha", NodeKind.OPERATOR, 8081, 2775),
          new NodeSpec("beta", NodeKind.OPERATOR, 8082, 2776),
          new NodeSpec("gamma", NodeKind.OPERATOR, 8083, 2777));

  /** The all-in-one node named {@code name}, on its default ports. */
  public static Optional<NodeSpec> allInOne(String name) {
    return ALL_IN_ONE.stream().filter(node -> node.name().equals(name)).findFirst();
  }

  /** Where the node answers on this machine: {@code http://127.0.0.1:<port>}. */
  public String localUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Checks the name and port. */
  public NodeSpec {
    Objects.requireNonNull(kind, "kind");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("node name must be lower-case letters/digits: " + name);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if ((kind == NodeKind.OPERATOR) != (smppPort != NO_SMPP)
        || smppPort < NO_SMPP
        || smppPort > 65535) {
      throw new IllegalArgumentException("an operator, and only an operator, has an SMPP port");
    }
  }

  /** The same node on another HTTP port (0 = any free port). */
  public NodeSpec onPort(int newPort) {
    return new NodeSpec(name, kind, newPort, smppPort);
  }

  /** The same node with its SMPP server on another port; an operator's only. */
  public NodeSpec onSmppPort(int newPort) {
    return new NodeSpec(name, kind, port, newPort);
  }

  /** The database that holds this node's state. */
  public String databaseName() {
    return "telco_" + name;
  }
}
