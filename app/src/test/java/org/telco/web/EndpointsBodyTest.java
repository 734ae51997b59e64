package org.telco.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.WebServer;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The body an endpoint sees is the body the client sent, however it was framed: with a length (read
 * into an array of that size), in chunks, or not at all.
 */
class EndpointsBodyTest {
  private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

  private WebServer server;

  @BeforeEach
  void start() {
    Endpoints endpoints =
        new Endpoints(new ApiKeys(Map.of()), new PeerVerifier(Map.of(), Clock.systemUTC()));
    server =
        WebServer.builder()
            .port(0)
            .routing(
                rules ->
                    rules.post(
                        "/echo",
                        endpoints.handler(
                            Access.PUBLIC,
                            call -> Reply.raw("application/octet-stream", echo(call.body())))))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aBodyWithItsLengthArrivesWhole() throws IOException {
    String body = "{\"invocationSequenceNumber\":3,\"multipleUnitUsage\":[]}".repeat(40);

    String answer =
        exchange("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n", body);

    assertThat(answer).endsWith("length " + body.length() + ": " + body);
  }

  @Test
  void aChunkedBodyArrivesWhole() throws IOException {
    String chunked = "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";

    String answer = exchange("Transfer-Encoding: chunked\r\n", chunked);

    assertThat(answer).endsWith("length 11: hello world");
  }

  @Test
  void noBodyIsAnEmptyOne() throws IOException {
    String answer = exchange("Content-Length: 0\r\n", "");

    assertThat(answer).endsWith("length 0: ");
  }

  private static byte[] echo(byte[] body) {
    String text = "length " + body.length + ": " + new String(body, StandardCharsets.UTF_8);
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * One request on a fresh connection, written by hand so the framing is exactly as given; the
   * answer is read by its Content-Length (the server need not close the connection first).
   */
  private String exchange(String framing, String body) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String head =
          "POST /echo HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + framing + "\r\n";
      out.write((head + body).getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String answerHead = readHead(in);
      assertThat(answerHead).startsWith("HTTP/1.1 200");
      Matcher length = CONTENT_LENGTH.matcher(answerHead);
      assertThat(length.find()).as("Content-Length in %s", answerHead).isTrue();
      byte[] answer = in.readNBytes(Integer.parseInt(length.group(1)));
      return new String(answer, StandardCharsets.UTF_8);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (head.indexOf("\r\n\r\n") < 0) {
      int next = in.read();
      if (next < 0) {
        throw new EOFException("the connection closed inside the head: " + head);
      }
      head.append((char) next);
    }
    return head.toString();
  }
}
