package org.telco.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.telco.engine.EngineSettings;
import org.telco.storage.EmbeddedPostgres;
import org.telco.storage.PostgresForTests;

/**
 * Starts a platform through the same wiring as {@code telco serve}, on free ports, with a simulated
 * clock and fresh databases on the test JVM's PostgreSQL server.
 */
final class TestPlatform implements AutoCloseable {
  final Platform platform;
  final Map<String, String> urls = new LinkedHashMap<>();
  final Map<String, Integer> smppPorts = new LinkedHashMap<>();
  final Path dataDirectory;

  private TestPlatform(Platform platform, PlatformSettings settings) {
    this.platform = platform;
    this.urls.putAll(settings.peerAddresses());
    for (NodeSpec spec : settings.nodes()) {
      smppPorts.put(spec.name(), spec.smppPort());
    }
    this.dataDirectory = settings.dataDirectory();
  }

  /** The clearinghouse and operator alpha, with two ledger shards each. */
  static TestPlatform start() throws IOException {
    return start(List.of("clearinghouse", "alpha"));
  }

  static TestPlatform start(List<String> names) throws IOException {
    PlatformSettings settings = settings(names, false);
    return new TestPlatform(Platform.start(settings), settings);
  }

  /** The named nodes with each operator's demo subscribers, as {@code telco serve} seeds them. */
  static TestPlatform startWithDemoData(List<String> names) throws IOException {
    PlatformSettings settings = settings(names, true);
    return new TestPlatform(Platform.start(settings), settings);
  }

  /**
   * Settings for the named nodes on free ports, fresh databases and a fresh data directory; start
   * them twice to restart over the same state.
   */
  static PlatformSettings settings(List<String> names, boolean demoData) throws IOException {
    EmbeddedPostgres server = PostgresForTests.server();
    String prefix = "it_" + UUID.randomUUID().toString().substring(0, 8);
    List<NodeSpec> specs = new ArrayList<>();
    Map<String, String> urls = new LinkedHashMap<>();
    for (NodeSpec spec : NodeSpec.ALL_IN_ONE) {
      if (names.contains(spec.name())) {
        NodeSpec onFreePort = spec.onPort(PostgresForTests.freePort());
        if (onFreePort.kind() == NodeKind.OPERATOR) {
          onFreePort = onFreePort.onSmppPort(PostgresForTests.freePort());
        }
        specs.add(onFreePort);
        urls.put(spec.name(), "http://127.0.0.1:" + onFreePort.port());
        server.ensureDatabase(prefix + "_" + spec.name());
      }
    }
    Path data = Files.createTempDirectory("telco-it");
    return new PlatformSettings(
        data,
        specs,
        urls,
        server.jdbcUrl(prefix + "_{node}"),
        server.user(),
        server.password(),
        true,
        "127.0.0.1",
        0,
        EngineSettings.DEFAULT,
        demoData);
  }

  String url(String node) {
    return urls.get(node);
  }

  String adminKey(String node) {
    return platform.credentials().of(node).adminApiKey();
  }

  String partnerKey(String node) {
    return platform.credentials().of(node).partnerApiKey();
  }

  int smppPort(String node) {
    return smppPorts.get(node);
  }

  String smppSystemId(String node) {
    return platform.credentials().of(node).smppSystemId();
  }

  String smppPassword(String node) {
    return platform.credentials().of(node).smppPassword();
  }

  @Override
  public void close() {
    platform.close();
    PostgresForTests.deleteTree(dataDirectory);
  }
}
