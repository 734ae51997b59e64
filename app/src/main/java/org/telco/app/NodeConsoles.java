package org.telco.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.telco.app.console.Console;
import org.telco.app.console.NavLink;
import org.telco.app.console.NodeApi;
import org.telco.app.console.OperatorConsoleRoutes;
import org.telco.app.console.clearinghouse.ClearinghouseConsoleRoutes;
import org.telco.app.console.handset.AutopayPage;
import org.telco.app.console.handset.HandsetSimulatorRoutes;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfile;

/**
 * What a node's console has besides the operator console (docs/console.md): the handset simulator
 * on an operator, the clearinghouse console on the clearinghouse, their navigation, and the node's
 * own API they call as terminals do. Kept out of {@link Node} so the node stays its small wiring.
 */
final class NodeConsoles {
  private NodeConsoles() {}

  /** The navigation bar of a node's console: the home page first. */
  static List<NavLink> navigation(NodeKind kind) {
    return kind == NodeKind.OPERATOR
        ? Stream.concat(
                OperatorConsoleRoutes.NAVIGATION.stream(),
                HandsetSimulatorRoutes.NAVIGATION.stream())
            .toList()
        : ClearinghouseConsoleRoutes.NAVIGATION;
  }

  /**
   * The node's own API with its admin and partner keys; {@code port} is read at each call, as the
   * server's port is known once it started.
   */
  static NodeApi ownApi(String node, NodeEnvironment env, IntSupplier port) {
    Credentials.NodeCredentials own = env.credentials().of(node);
    String host = "0.0.0.0".equals(env.host()) ? "127.0.0.1" : env.host();
    return new NodeApi(
        () -> "http://" + host + ":" + port.getAsInt(), own.adminApiKey(), own.partnerApiKey());
  }

  /**
   * The handset simulator of operator {@code node}. Its autopay pays with every operator's partner
   * key the credentials file holds, as {@code telco phone autopay} does.
   */
  static HandsetSimulatorRoutes handset(
      Console console, String node, NodeEnvironment env, IntSupplier port) {
    OperatorProfile profile =
        env.operators()
            .find(new OperatorId(node))
            .orElseThrow(() -> new IllegalArgumentException("no operator " + node));
    Map<String, String> partnerKeys = new HashMap<>();
    env.credentials().nodes().forEach((name, keys) -> partnerKeys.put(name, keys.partnerApiKey()));
    NodeApi api = ownApi(node, env, port);
    return new HandsetSimulatorRoutes(
        console,
        api,
        profile.shortCodes(),
        new AutopayPage.Network(api::root, profile.id().value(), partnerKeys));
  }
}
