package org.telco.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What a throwaway PostgreSQL (a benchmark's or a test run's) needs around it: a loopback port
 * nobody listens on, and a way to delete its data directory afterwards.
 */
public final class ScratchSpace {

  /**
   * Ports are handed out from here, below Linux's range of ephemeral ports (32768 to 60999 by
   * default). A port the kernel picks for {@code bind(0)} comes from that range, where it also
   * picks the source port of every outgoing connection, so between the pick and the server's own
   * bind a connection could take it ("Address already in use", seen once in CI).
   */
  private static final int PORTS_FROM = 15_000;

  private static final int PORTS_COUNT = 17_000;

  /** The next port to try; each JVM starts at its own place, so two test forks rarely meet. */
  private static final AtomicInteger NEXT =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(PORTS_COUNT));

  private ScratchSpace() {}

  /**
   * A loopback port nobody listens on right now, never the same twice in this JVM (until the range
   * wraps), so ports taken for one server but not yet bound are not handed out again.
   */
  public static int freePort() {
    for (int tried = 0; tried < PORTS_COUNT; tried++) {
      int port = PORTS_FROM + Math.floorMod(NEXT.getAndIncrement(), PORTS_COUNT);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // Someone listens there; try the next one.
      }
    }
    throw new UncheckedIOException(
        new IOException("no free loopback port from " + PORTS_FROM + " on"));
  }

  /** Deletes a directory tree, such as a data directory once its server stopped. */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
