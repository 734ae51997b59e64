package org.telco.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.telco.app.NodeKind;
import org.telco.app.NodeSpec;
import org.telco.app.PlatformSettings;
import org.telco.engine.EngineSettings;
import org.telco.storage.ScratchSpace;

/**
 * The nodes a benchmark runs: the named nodes of the all-in-one platform on free HTTP (and SMPP)
 * ports, each on a fresh database {@code <prefix><node>} of the benchmark's PostgreSQL, with a
 * fresh data directory and the system clock.
 *
 * @param settings what {@code Platform.start} takes
 * @param urls each node's base URL
 * @param smppPorts each operator's SMPP port
 */
record BenchNodes(
    PlatformSettings settings, Map<String, String> urls, Map<String, Integer> smppPorts) {
  /** Lays out {@code names} with databases named {@code prefix + node}. */
  static BenchNodes of(
      BenchPostgres postgres, List<String> names, String prefix, EngineSettings engine)
      throws IOException {
    List<NodeSpec> specs = new ArrayList<>();
    Map<String, String> urls = new LinkedHashMap<>();
    Map<String, Integer> smppPorts = new HashMap<>();
    for (NodeSpec spec : NodeSpec.ALL_IN_ONE) {
      if (names.contains(spec.name())) {
        NodeSpec free = spec.onPort(ScratchSpace.freePort());
        if (free.kind() == NodeKind.OPERATOR) {
          free = free.onSmppPort(ScratchSpace.freePort());
          smppPorts.put(free.name(), free.smppPort());
        }
        specs.add(free);
        urls.put(free.name(), "http://127.0.0.1:" + free.port());
        postgres.recreateDatabase(prefix + free.name());
      }
    }
    Path data = Files.createTempDirectory("telco-" + prefix.replace('_', '-'));
    PlatformSettings settings =
        new PlatformSettings(
            data,
            specs,
            urls,
            postgres.jdbcUrl(prefix + "{node}"),
            postgres.user(),
            postgres.password(),
            false,
            "127.0.0.1",
            0,
            engine,
            false);
    return new BenchNodes(settings, urls, smppPorts);
  }

  /** The data directory the nodes keep their files in. */
  Path dataDirectory() {
    return settings.dataDirectory();
  }
}
