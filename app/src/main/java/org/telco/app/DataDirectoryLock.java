package org.telco.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One platform per data directory. A second {@code telco serve} on the same directory used to get
 * as far as adopting the first one's PostgreSQL, fail to bind its ports, and then stop that server
 * on its way out, leaving the first platform without a database. Now it stops before touching
 * anything: an exclusive lock on {@code platform.lock}, held while the platform runs and released
 * by the operating system if the process dies, so a crash never leaves the directory locked.
 */
final class DataDirectoryLock implements AutoCloseable {
  /** The lock file's name inside the data directory. */
  static final String FILE = "platform.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code directory}.
   *
   * @throws IllegalStateException if another platform, in this process or another, holds it
   */
  static DataDirectoryLock acquire(Path directory) throws IOException {
    FileChannel channel =
        FileChannel.open(
            directory.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException(
          "another Telco platform is running on "
              + directory.toAbsolutePath()
              + " (it holds "
              + FILE
              + "); stop it first, or give this one its own --data-dir");
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap(
            (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
    return new DataDirectoryLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
