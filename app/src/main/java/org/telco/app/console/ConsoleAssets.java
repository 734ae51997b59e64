package org.telco.app.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The files the console's pages load: htmx and Chart.js from their webjars on the classpath, and
 * the console's own stylesheet and script. Only these names are served, so no request can reach
 * another classpath resource. The webjars' versions are read from their Maven metadata, so the pom
 * is the one place that names them.
 */
public final class ConsoleAssets {
  /**
   * A file to serve.
   *
   * @param resource its classpath resource
   * @param contentType its media type
   */
  public record Asset(String resource, String contentType) {}

  private static final String JS = "text/javascript; charset=UTF-8";
  private final Map<String, Asset> byName;

  /** The assets, located on the classpath. */
  public ConsoleAssets() {
    this.byName =
        Map.of(
            "htmx.min.js",
            new Asset(webjar("htmx.org", "dist/htmx.min.js"), JS),
            "chart.umd.js",
            new Asset(webjar("chart.js", "dist/chart.umd.js"), JS),
            "console.css",
            new Asset("console/assets/console.css", "text/css; charset=UTF-8"),
            "console.js",
            new Asset("console/assets/console.js", JS),
            "handset.css",
            new Asset("console/assets/handset.css", "text/css; charset=UTF-8"),
            "handset.js",
            new Asset("console/assets/handset.js", JS));
  }

  /** The asset called {@code name}, if it is one. */
  public Optional<Asset> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The bytes of an asset. */
  public byte[] bytes(Asset asset) {
    try (InputStream in = resource(asset.resource())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + asset.resource(), e);
    }
  }

  private static String webjar(String name, String file) {
    String metadata = "META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
    Properties properties = new Properties();
    try (InputStream in = resource(metadata)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + metadata, e);
    }
    return "META-INF/resources/webjars/"
        + name
        + "/"
        + properties.getProperty("version")
        + "/"
        + file;
  }

  private static InputStream resource(String name) {
    InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing on the classpath: " + name);
    }
    return in;
  }
}
