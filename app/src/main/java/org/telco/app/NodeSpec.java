package org.telco.app;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One node of the platform: its name (also its database name suffix and its identity toward peers),
 * its kind and its HTTP port.
 *
 * @param name lower-case letters, such as {@code alpha}
 * @param kind clearinghouse or operator
 * @param port its HTTP port
 */
public record NodeSpec(String name, NodeKind kind, int port) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,30}");

  /** The nodes of the all-in-one platform, on their default ports. */
  public static final List<NodeSpec> ALL_IN_ONE =
      List.of(
          new NodeSpec("clearinghouse", NodeKind.CLEARINGHOUSE, 8080),
          new NodeSpec("alpha", NodeKind.OPERATOR, 8081),
          new NodeSpec("beta", NodeKind.OPERATOR, 8082),
          new NodeSpec("gamma", NodeKind.OPERATOR, 8083));

  /** Checks the name and port. */
  public NodeSpec {
    Objects.requireNonNull(kind, "kind");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("node name must be lower-case letters/digits: " + name);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** The same node on another port (0 = any free port). */
  public NodeSpec onPort(int newPort) {
    return new NodeSpec(name, kind, newPort);
  }

  /** The database that holds this node's state. */
  public String databaseName() {
    return "telco_" + name;
  }
}
