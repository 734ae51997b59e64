package org.telco.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The files of one PostgreSQL cluster: creating it with {@code initdb}, its superuser password, the
 * settings Telco manages, and the lock file a running server leaves.
 *
 * <p>The password is generated at {@code initdb} and kept in {@code telco-superuser.password}
 * inside the directory, readable by its owner only. That file is written last, so its presence also
 * marks an initialization that finished. The settings live in {@code telco.conf}, included from
 * {@code postgresql.conf} and rewritten on every start, so a changed setting reaches existing
 * clusters too.
 */
final class DataDirectory {
  private static final String PASSWORD_FILE = "telco-superuser.password";
  private static final String SETTINGS_FILE = "telco.conf";
  private static final String OWNER_ONLY = "rw-------";

  /** Durable commits, and room for large group commits between checkpoints. */
  private static final String SETTINGS =
      """
      # Written by Telco's EmbeddedPostgres on every start: edits here are overwritten.
      listen_addresses = '127.0.0.1'
      unix_socket_directories = ''
      max_connections = 300
      shared_buffers = '256MB'
      wal_buffers = '16MB'
      fsync = on
      synchronous_commit = on
      full_page_writes = on
      max_wal_size = '2GB'
      min_wal_size = '256MB'
      checkpoint_timeout = '15min'
      checkpoint_completion_target = 0.9
      password_encryption = 'scram-sha-256'
      """;

  private final Path dir;
  private final ServerUser user;

  DataDirectory(Path dir, ServerUser user) {
    this.dir = dir.toAbsolutePath().normalize();
    this.user = user;
  }

  Path path() {
    return dir;
  }

  Path serverLog() {
    return dir.resolve("server.log");
  }

  /** Creates the directory if needed and makes sure the server's user owns it. */
  void prepare() {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    user.ownTree(dir);
  }

  /** Whether {@code initdb} ran here to the end. */
  boolean isInitialized() {
    return Files.exists(dir.resolve(PASSWORD_FILE));
  }

  /** Runs {@code initdb} with a fresh random password; the directory must be empty. */
  void initialize(PostgresBinaries binaries, String superuser) {
    try (var entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new IllegalStateException(
            dir
                + " is neither empty nor a Telco PostgreSQL data directory (no "
                + PASSWORD_FILE
                + "); an initdb was probably interrupted: delete the directory and start again");
      }
      String password = newPassword();
      Path passwordFile =
          Files.createTempFile(dir.getParent(), ".telco-initdb-", ".pw", ownerOnly());
      try {
        Files.writeString(passwordFile, password + "\n");
        user.own(passwordFile);
        ServerUser.Finished initdb =
            user.run(
                dir,
                List.of(
                    binaries.program("initdb").toString(),
                    "-D",
                    dir.toString(),
                    "-U",
                    superuser,
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "--auth=scram-sha-256",
                    "--pwfile=" + passwordFile,
                    "--no-instructions"));
        if (initdb.exitCode() != 0) {
          throw new IllegalStateException("initdb failed in " + dir + ":\n" + initdb.output());
        }
      } finally {
        Files.deleteIfExists(passwordFile);
      }
      Files.writeString(
          dir.resolve("postgresql.conf"),
          "\ninclude_if_exists '" + SETTINGS_FILE + "'\n",
          StandardOpenOption.APPEND);
      Path finalFile = Files.createFile(dir.resolve(PASSWORD_FILE), ownerOnly());
      Files.writeString(finalFile, password + "\n");
      user.own(finalFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot initialize " + dir, e);
    }
  }

  /** The superuser password chosen at {@code initdb}. */
  String password() {
    try {
      return Files.readString(dir.resolve(PASSWORD_FILE), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the password of " + dir, e);
    }
  }

  /** Writes the settings file for a server on {@code port}. */
  void writeSettings(int port) {
    try {
      Path file = dir.resolve(SETTINGS_FILE);
      Files.writeString(file, SETTINGS + "port = " + port + "\n");
      user.own(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the settings of " + dir, e);
    }
  }

  /**
   * The server recorded in {@code postmaster.pid}, alive or not, if the file is there. Its lines
   * are the pid, the data directory, the start time (epoch seconds) and the port; a server that is
   * still starting may not have written them all yet.
   */
  Optional<Postmaster> postmaster() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("postmaster.pid"));
      long pid = Long.parseLong(lines.getFirst().strip());
      long startedAt = lines.size() > 2 ? Long.parseLong(lines.get(2).strip()) : -1;
      int port = lines.size() > 3 ? Integer.parseInt(lines.get(3).strip()) : -1;
      return Optional.of(new Postmaster(pid, startedAt, port));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(Postmaster.UNREADABLE);
    }
  }

  /** Removes the lock file of a server that is gone. */
  void removeStaleLock() {
    try {
      Files.deleteIfExists(dir.resolve("postmaster.pid"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the stale lock of " + dir, e);
    }
  }

  /** The end of the server log, for error messages. */
  String logTail() {
    try (var lines = Files.lines(serverLog())) {
      List<String> all = lines.toList();
      return all.subList(Math.max(0, all.size() - 20), all.size()).stream()
          .collect(Collectors.joining("\n"));
    } catch (IOException | UncheckedIOException e) {
      return "(no server log)";
    }
  }

  private static FileAttribute<?> ownerOnly() {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY));
  }

  private static String newPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * What {@code postmaster.pid} says.
   *
   * @param pid the server's process id, or -1 when the file is unreadable
   * @param startedAt when the server started, in epoch seconds, or -1 when not written yet
   * @param port the port it listens on, or -1 when not written yet
   */
  record Postmaster(long pid, long startedAt, int port) {
    /** A lock file that could not be read. */
    static final Postmaster UNREADABLE = new Postmaster(-1, -1, -1);

    /**
     * Whether the process with this pid may be the server: it exists, runs a program named
     * postgres, and started when the lock file says (a pid reused after a reboot did not). What
     * cannot be inspected counts as a match.
     */
    boolean mayBeAlive() {
      Optional<ProcessHandle.Info> info = ProcessHandle.of(pid).map(ProcessHandle::info);
      if (info.isEmpty()) {
        return false;
      }
      boolean postgres = info.get().command().map(c -> c.endsWith("/postgres")).orElse(true);
      boolean sameStart =
          startedAt < 0
              || info.get()
                  .startInstant()
                  .map(start -> Math.abs(start.getEpochSecond() - startedAt) <= 5)
                  .orElse(true);
      return postgres && sameStart;
    }
  }
}
