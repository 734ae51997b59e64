package org.telco.app.node;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.telco.web.Access;
import org.telco.web.Endpoints;
import org.telco.web.Problem;
import org.telco.web.Reply;

/**
 * What every node serves about itself: {@code GET /health} (public, checks the database), {@code
 * GET /openapi.yaml} (public) and {@code GET /metrics} (Prometheus text, admin key).
 */
public final class NodeRoutes implements HttpService {
  private final String node;
  private final DataSource database;
  private final byte[] openApi;
  private final PrometheusMeterRegistry metrics;
  private final Endpoints endpoints;

  /** Routes for the named node; {@code openApiResource} is its API document on the classpath. */
  public NodeRoutes(
      String node,
      DataSource database,
      String openApiResource,
      PrometheusMeterRegistry metrics,
      Endpoints endpoints) {
    this.node = node;
    this.database = database;
    this.openApi = resource(openApiResource);
    this.metrics = metrics;
    this.endpoints = endpoints;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/health", endpoints.handler(Access.PUBLIC, call -> health()))
        .get(
            "/openapi.yaml",
            endpoints.handler(Access.PUBLIC, call -> Reply.raw("application/yaml", openApi)))
        .get(
            "/metrics",
            endpoints.handler(
                Access.ADMIN,
                call ->
                    Reply.raw(
                        "text/plain; version=0.0.4; charset=utf-8",
                        metrics.scrape().getBytes(StandardCharsets.UTF_8))));
  }

  private Reply health() {
    try (Connection connection = database.getConnection()) {
      if (!connection.isValid(2)) {
        throw down("the database does not answer");
      }
    } catch (SQLException e) {
      throw down("the database is unreachable");
    }
    return Reply.ok(new Health("UP", node, "UP"));
  }

  /**
   * A healthy node's answer.
   *
   * @param status always UP (an unhealthy node answers with a 503 problem)
   * @param node the node's name
   * @param database UP when the database answered
   */
  record Health(String status, String node, String database) {}

  private static RuntimeException down(String detail) {
    return new Problem(503, "unhealthy", "The node is not healthy", detail, null).toException();
  }

  private static byte[] resource(String name) {
    try (InputStream in = NodeRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name, e);
    }
  }
}
