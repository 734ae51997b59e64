package org.telco.storage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL 17 programs (initdb, pg_ctl, postgres and their libraries), unpacked from the
 * zonky binaries jar on the class path into a cache directory.
 *
 * <p>Telco ships them so a node or a test needs no PostgreSQL installation. They are unpacked once
 * per version: into a temporary sibling directory first, then renamed into place, so concurrent
 * JVMs never see a half-written tree and the loser of a race just uses the winner's copy. File
 * modes and symbolic links are kept, since the programs need their exec bits and the libraries are
 * found through links.
 */
public final class PostgresBinaries {
  /** The version of the binaries on the class path, such as {@code 17.11.0}. */
  public static final String VERSION = readVersion();

  private static final Logger LOG = LoggerFactory.getLogger(PostgresBinaries.class);
  private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
  private static final Set<PosixFilePermission> OPEN_DIRECTORY =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private final Path home;

  private PostgresBinaries(Path home) {
    this.home = home.toAbsolutePath().normalize();
  }

  /**
   * The binaries in {@code ~/.cache/telco/postgres-VERSION}, or in {@code
   * /var/tmp/telco/postgres-VERSION} when the JVM is root: the server then runs as another user,
   * who cannot enter {@code /root}.
   */
  public static PostgresBinaries inDefaultCache() {
    Path cache =
        ServerUser.jvmIsRoot()
            ? Path.of("/var/tmp", "telco")
            : Path.of(System.getProperty("user.home"), ".cache", "telco");
    return in(cache.resolve("postgres-" + VERSION));
  }

  /** The binaries in {@code home}, which holds {@code bin}, {@code lib} and {@code share}. */
  public static PostgresBinaries in(Path home) {
    return new PostgresBinaries(home);
  }

  /** The directory holding {@code bin}, {@code lib} and {@code share}. */
  public Path home() {
    return home;
  }

  /** A program in {@code bin}, such as {@code pg_ctl}. */
  public Path program(String name) {
    return home.resolve("bin").resolve(name);
  }

  /** Unpacks the binaries unless they are already there; safe across threads and JVMs. */
  public synchronized PostgresBinaries install() {
    if (Files.isExecutable(program("postgres"))) {
      return this;
    }
    Path staging = home.resolveSibling(home.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      openDirectories(home.getParent());
      LOG.info("Unpacking PostgreSQL {} binaries into {}", VERSION, home);
      unpack(staging);
      try {
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        // Another installer finished first (rename(2) refuses a non-empty target, reported as
        // a plain FileSystemException): its copy is as good as ours.
        if (!Files.isExecutable(program("postgres"))) {
          throw e;
        }
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack PostgreSQL binaries into " + home, e);
    } finally {
      deleteTree(staging);
    }
  }

  private static void unpack(Path target) throws IOException {
    InputStream archive = PostgresBinaries.class.getResourceAsStream(ARCHIVE);
    if (archive == null) {
      throw new IOException(
          ARCHIVE + " is not on the class path (io.zonky.test.postgres binaries jar missing?)");
    }
    openDirectories(target);
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive, 1 << 16)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("archive entry escapes the target: " + entry.getName());
        }
        openDirectories(path.getParent());
        if (entry.isDirectory()) {
          openDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
          continue;
        } else if (entry.isLink()) {
          Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
          continue;
        } else {
          Files.copy(tar, path);
        }
        Files.setPosixFilePermissions(path, permissions(entry.getMode()));
      }
    }
  }

  /**
   * Creates a directory and its missing parents readable by all, whatever the umask: the archive
   * has no entries for some directories (bin, lib), and the server may run as another user.
   */
  private static void openDirectories(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    openDirectories(directory.getParent());
    try {
      Files.createDirectory(directory);
      Files.setPosixFilePermissions(directory, OPEN_DIRECTORY);
    } catch (FileAlreadyExistsException e) {
      // Created by a concurrent installer a moment ago.
      if (!Files.isDirectory(directory)) {
        throw e;
      }
    }
  }

  /** The permission bits of a tar mode, plus owner write so the tree can be deleted later. */
  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values();
    for (int i = 0; i < 9; i++) {
      if ((mode & (1 << (8 - i))) != 0) {
        result.add(bits[i]);
      }
    }
    result.add(PosixFilePermission.OWNER_WRITE);
    return result;
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not delete {}", root, e);
    }
  }

  private static String readVersion() {
    try (InputStream in = PostgresBinaries.class.getResourceAsStream("postgres.properties")) {
      if (in == null) {
        throw new IllegalStateException("postgres.properties missing from telco-storage");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("binaries.version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
