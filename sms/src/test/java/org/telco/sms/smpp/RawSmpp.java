package org.telco.sms.smpp;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** SMPP PDUs written byte by byte, to send what no well-behaved client library would. */
final class RawSmpp implements AutoCloseable {
  static final int BIND_TRANSMITTER = 0x00000002;
  static final int SUBMIT_SM = 0x00000004;
  static final int GENERIC_NACK = 0x80000000;

  private final Socket socket;
  private final DataOutputStream out;
  private final DataInputStream in;
  private int sequence = 1;

  /** A response: its command_id and command_status. */
  record Response(int commandId, int status) {}

  RawSmpp(int port) throws IOException {
    socket = new Socket("localhost", port);
    socket.setSoTimeout(10_000);
    out = new DataOutputStream(socket.getOutputStream());
    in = new DataInputStream(socket.getInputStream());
  }

  /** Binds as transmitter with the given credentials and returns bind_transmitter_resp. */
  Response bindTransmitter(String systemId, String password) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    cString(body, systemId);
    cString(body, password);
    cString(body, "");
    body.write(0x34);
    body.write(0);
    body.write(0);
    cString(body, "");
    return send(BIND_TRANSMITTER, body.toByteArray());
  }

  /** Sends a PDU with this command_id and body and reads the answer. */
  Response send(int commandId, byte[] body) throws IOException {
    return send(16 + body.length, commandId, body);
  }

  /** Sends a PDU claiming {@code commandLength} octets, whatever follows, and reads the answer. */
  Response send(int commandLength, int commandId, byte[] body) throws IOException {
    out.writeInt(commandLength);
    out.writeInt(commandId);
    out.writeInt(0);
    out.writeInt(sequence++);
    out.write(body);
    out.flush();
    int length = in.readInt();
    int id = in.readInt();
    int status = in.readInt();
    in.readInt();
    in.readNBytes(length - 16);
    return new Response(id, status);
  }

  private static void cString(ByteArrayOutputStream out, String value) {
    out.writeBytes(value.getBytes(StandardCharsets.US_ASCII));
    out.write(0);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
