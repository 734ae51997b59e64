package org.telco.app.smf;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.telco.app.nchf.NotificationType;
import org.telco.web.Json;

/**
 * The SMF's notification endpoint (its {@code notifyUri}, TS 32.291 ChargingNotifyRequest): a small
 * HTTP server on the loopback interface with one path per session, {@code /notify/<id>}.
 * ABORT_CHARGING is handed to the session's handler, which ends the session; REAUTHORIZATION is
 * acknowledged and counted. Each notification is answered 204; an unknown session 404.
 */
public final class NotifyListener implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Consumer<NotificationType>> sessions = new ConcurrentHashMap<>();
  private final LongAdder received = new LongAdder();

  private NotifyListener(HttpServer server) {
    this.server = server;
  }

  /** Starts listening on {@code host}, on {@code port} (0 for a free one). */
  public static NotifyListener start(String host, int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
      NotifyListener listener = new NotifyListener(server);
      server.createContext("/notify/", listener::handle);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return listener;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for notifications on port " + port, e);
    }
  }

  /** The notifyUri of session {@code id}, whose notifications go to {@code handler}. */
  String register(String id, Consumer<NotificationType> handler) {
    sessions.put(id, handler);
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getHostString() + ":" + address.getPort() + "/notify/" + id;
  }

  void unregister(String id) {
    sessions.remove(id);
  }

  /** Notifications received so far. */
  public long received() {
    return received.sum();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Consumer<NotificationType> handler = sessions.get(path.substring("/notify/".length()));
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!"POST".equals(exchange.getRequestMethod()) || handler == null) {
        exchange.sendResponseHeaders(handler == null ? 404 : 405, -1);
        return;
      }
      JsonNode notification;
      try {
        notification = Json.mapper().readTree(body);
      } catch (IOException e) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      received.increment();
      handler.accept(new NotificationType(notification.path("notificationType").asText("")));
      exchange.sendResponseHeaders(204, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
