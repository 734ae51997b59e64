package org.telco.sms.smpp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnectionFactory;

/**
 * jSMPP's plain server sockets, with every accepted connection read through a {@link PduGuard}. The
 * guard answers bad PDUs itself, on the same output jSMPP writes to, so that output takes one whole
 * PDU per call under a lock and the two writers never interleave.
 */
final class GuardedConnections implements ServerConnectionFactory {
  private final ServerSocketConnectionFactory sockets = new ServerSocketConnectionFactory();

  @Override
  public ServerConnection listen(int port) throws IOException {
    return new Listening(sockets.listen(port));
  }

  @Override
  public ServerConnection listen(int port, int timeout) throws IOException {
    return new Listening(sockets.listen(port, timeout));
  }

  @Override
  public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
    return new Listening(sockets.listen(port, timeout, backlog));
  }

  private record Listening(ServerConnection server) implements ServerConnection {
    @Override
    public Connection accept() throws IOException {
      return new Guarded(server.accept());
    }

    @Override
    public void setSoTimeout(int timeout) throws IOException {
      server.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws IOException {
      return server.getSoTimeout();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  /** One accepted connection with its guarded input and locked output. */
  private static final class Guarded implements Connection {
    private final Connection connection;
    private final OutputStream output;
    private final InputStream input;

    Guarded(Connection connection) {
      this.connection = connection;
      this.output = new LockedOutput(connection.getOutputStream());
      this.input = new PduGuard(connection.getInputStream(), output);
    }

    @Override
    public boolean isOpen() {
      return connection.isOpen();
    }

    @Override
    public InetAddress getInetAddress() {
      return connection.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
      return connection.getLocalAddress();
    }

    @Override
    public int getPort() {
      return connection.getPort();
    }

    @Override
    public int getLocalPort() {
      return connection.getLocalPort();
    }

    @Override
    public InputStream getInputStream() {
      return input;
    }

    @Override
    public OutputStream getOutputStream() {
      return output;
    }

    @Override
    public void setSoTimeout(int timeout) throws IOException {
      connection.setSoTimeout(timeout);
    }

    @Override
    public void close() throws IOException {
      connection.close();
    }
  }

  /** An output stream whose writes do not interleave. */
  private static final class LockedOutput extends OutputStream {
    private final OutputStream out;

    LockedOutput(OutputStream out) {
      this.out = out;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public synchronized void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
