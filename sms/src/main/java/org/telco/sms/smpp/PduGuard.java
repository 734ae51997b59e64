package org.telco.sms.smpp;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * What jSMPP reads from a connection, one whole PDU at a time, checked first. A command_length
 * below the header's 16 octets or above {@value #PDU_MAX} (jSMPP would try to allocate it: an
 * attacker's 2 GB length is an OutOfMemoryError) gets generic_nack ESME_RINVCMDLEN and the
 * connection is closed, since the stream cannot be trusted after it. A bind or submit_sm whose body
 * does not hold together ({@link PduShape}) gets its response with ESME_RINVCMDLEN and is not
 * passed on; the session goes on.
 */
final class PduGuard extends InputStream {
  /** Largest PDU accepted: a 64 KB message_payload and the mandatory fields. */
  static final int PDU_MAX = 70_000;

  private static final int HEADER = 16;
  private static final int GENERIC_NACK = 0x80000000;
  private static final int ESME_RINVCMDLEN = 0x00000002;

  private final DataInputStream in;
  private final OutputStream out;
  private ByteBuffer pending = ByteBuffer.allocate(0);

  /**
   * @param out the connection's output, shared with jSMPP; writes to it must be whole PDUs in one
   *     call, see {@link GuardedConnections}
   */
  PduGuard(InputStream in, OutputStream out) {
    this.in = new DataInputStream(in);
    this.out = out;
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return pending.get() & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int count = Math.min(length, pending.remaining());
    pending.get(buffer, offset, count);
    return count;
  }

  @Override
  public int available() {
    return pending.remaining();
  }

  /** Makes sure a checked PDU is waiting; false at the end of the stream. */
  private boolean fill() throws IOException {
    while (!pending.hasRemaining()) {
      byte[] header = new byte[HEADER];
      try {
        in.readFully(header);
      } catch (EOFException e) {
        return false;
      }
      ByteBuffer fields = ByteBuffer.wrap(header);
      int length = fields.getInt();
      int commandId = fields.getInt();
      fields.getInt();
      int sequence = fields.getInt();
      if (length < HEADER || length > PDU_MAX) {
        answer(GENERIC_NACK, sequence, new byte[0]);
        throw new IOException("command_length " + length + " out of bounds; connection closed");
      }
      byte[] body = new byte[length - HEADER];
      try {
        in.readFully(body);
      } catch (EOFException e) {
        return false;
      }
      if (PduShape.holdsTogether(commandId, body)) {
        pending = ByteBuffer.allocate(length).put(header).put(body).flip();
      } else {
        answer(commandId | GENERIC_NACK, sequence, new byte[] {0});
      }
    }
    return true;
  }

  private void answer(int commandId, int sequence, byte[] body) throws IOException {
    ByteBuffer pdu = ByteBuffer.allocate(HEADER + body.length);
    pdu.putInt(HEADER + body.length).putInt(commandId).putInt(ESME_RINVCMDLEN).putInt(sequence);
    pdu.put(body);
    out.write(pdu.array());
    out.flush();
  }
}
