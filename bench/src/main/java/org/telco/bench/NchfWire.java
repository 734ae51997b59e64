package org.telco.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * One worker's keep-alive HTTP/1.1 connection to an operator's CHF, for the Nchf benchmark. The SMF
 * simulator's client (JDK {@code HttpClient}, Jackson on both sides) costs about a millisecond of
 * CPU per request, as much as the node it measures; this one writes the request head by hand and
 * reads only the status, Location and, on a failure, the problem's cause, so nearly all of the
 * machine is left to the node. It sends a request again, marked as a retransmission, when no answer
 * comes within the timeout or the answer is a 5xx, as the SMF simulator does.
 */
final class NchfWire implements AutoCloseable {
  /** Where the service lives on an operator node. */
  static final String ROOT = "/nchf-convergedcharging/v3/chargingdata";

  private final InetSocketAddress address;
  private final String hostHeader;
  private final String authorization;
  private final int timeoutMillis;
  private final int retransmissionsMax;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  /**
   * What the CHF answered.
   *
   * @param status the HTTP status, or 0 when no answer came after every retransmission
   * @param location the Location of a 201, or null
   * @param cause the problem's cause of a failure, or null
   */
  record Reply(int status, String location, String cause) {
    /** The ChargingDataRef of a create's answer, the last segment of its Location. */
    String ref() {
      return location == null ? null : location.substring(location.lastIndexOf('/') + 1);
    }
  }

  NchfWire(
      String host, int port, String networkFunctionKey, int timeoutMillis, int retransmissionsMax) {
    this.address = new InetSocketAddress(host, port);
    this.hostHeader = host + ":" + port;
    this.authorization = "Bearer " + networkFunctionKey;
    this.timeoutMillis = timeoutMillis;
    this.retransmissionsMax = retransmissionsMax;
  }

  /**
   * Posts to {@code path} below {@link #ROOT} the body {@code body.apply(retransmitted)}, sending
   * it again on a timeout or a 5xx.
   */
  Reply post(String path, Function<Boolean, String> body) {
    for (int retransmissions = 0; ; retransmissions++) {
      try {
        Reply reply = exchange(path, body.apply(retransmissions > 0));
        if (reply.status() < 500 || retransmissions == retransmissionsMax) {
          return reply;
        }
      } catch (SocketTimeoutException e) {
        disconnect();
        if (retransmissions == retransmissionsMax) {
          return new Reply(0, null, "TIMEOUT");
        }
      } catch (IOException e) {
        disconnect();
        if (retransmissions == retransmissionsMax) {
          return new Reply(0, null, "CONNECTION: " + e.getMessage());
        }
      }
    }
  }

  private Reply exchange(String path, String json) throws IOException {
    if (socket == null) {
      connect();
    }
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + ROOT
            + path
            + " HTTP/1.1\r\nHost: "
            + hostHeader
            + "\r\nAuthorization: "
            + authorization
            + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
    return read();
  }

  private Reply read() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.substring(9, 12));
    int length = 0;
    String location = null;
    boolean close = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon);
      String value = header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Integer.parseInt(value);
      } else if (name.equalsIgnoreCase("Location")) {
        location = value;
      } else if (name.equalsIgnoreCase("Connection")) {
        close = value.equalsIgnoreCase("close");
      }
    }
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new EOFException("answer cut short");
    }
    if (close) {
      disconnect();
    }
    return new Reply(status, location, status < 300 ? null : cause(body));
  }

  /** The problem's {@code cause} (or {@code code}), found without a JSON parser. */
  private static String cause(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    for (String field : new String[] {"\"cause\":\"", "\"code\":\""}) {
      int at = text.indexOf(field);
      if (at >= 0) {
        int from = at + field.length();
        return text.substring(from, text.indexOf('"', from));
      }
    }
    return null;
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed by the CHF");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private void connect() throws IOException {
    Socket opened = new Socket();
    opened.setTcpNoDelay(true);
    opened.connect(address, timeoutMillis);
    opened.setSoTimeout(timeoutMillis);
    socket = opened;
    in = new BufferedInputStream(opened.getInputStream(), 8_192);
    out = new BufferedOutputStream(opened.getOutputStream(), 8_192);
  }

  private void disconnect() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a broken connection; the next request opens a new one
      }
      socket = null;
    }
  }

  @Override
  public void close() {
    disconnect();
  }
}
