package org.telco.storage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The operating-system user that owns a data directory and runs {@code initdb}, {@code pg_ctl} and
 * the server, and the one place that starts those commands.
 *
 * <p>PostgreSQL refuses to run as root, yet containers and CI usually do. So when the JVM is root
 * the commands run as {@code postgres}, or as {@code nobody} when there is no such user, switched
 * to with {@code setpriv} (or {@code runuser} where setpriv is missing); the data directory is
 * handed to that user. Otherwise everything runs as the JVM's own user.
 */
final class ServerUser {
  private static final long COMMAND_TIMEOUT_SECONDS = 120;

  /** Prints the first existing path that cannot be entered, and fails. */
  private static final String REACH_SCRIPT =
      "for d do if [ -e \"$d\" ] && [ ! -x \"$d\" ]; then echo \"$d\"; exit 1; fi; done";

  private final String name;
  private final int uid;
  private final int gid;
  private final List<String> switchCommand;

  private ServerUser(String name, int uid, int gid, List<String> switchCommand) {
    this.name = name;
    this.uid = uid;
    this.gid = gid;
    this.switchCommand = List.copyOf(switchCommand);
  }

  /** The user the server should run as when started from this JVM; looked up once. */
  static ServerUser forThisProcess() {
    return Lookup.USER;
  }

  /** Holds the user, looked up on first use. */
  private static final class Lookup {
    static final ServerUser USER = lookUp();
  }

  private static ServerUser lookUp() {
    if (!jvmIsRoot()) {
      return new ServerUser(System.getProperty("user.name"), -1, -1, List.of());
    }
    boolean hasPostgres = run(List.of("id", "-u", "postgres"), null).exitCode() == 0;
    String name = hasPostgres ? "postgres" : "nobody";
    int uid = Integer.parseInt(require(List.of("id", "-u", name)).strip());
    int gid = Integer.parseInt(require(List.of("id", "-g", name)).strip());
    List<String> prefix =
        onPath("setpriv")
            ? List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--init-groups")
            : List.of("runuser", "-u", name, "--");
    return new ServerUser(name, uid, gid, prefix);
  }

  /** Whether the JVM runs as root, judged by the owner of its own /proc entry. */
  static boolean jvmIsRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** The user's name, for messages. */
  String name() {
    return name;
  }

  /** Whether commands run as another user than the JVM's. */
  boolean isSwitched() {
    return !switchCommand.isEmpty();
  }

  /** Runs a command as this user in {@code workDir}; returns its exit code and output. */
  Finished run(Path workDir, List<String> command) {
    List<String> full = new ArrayList<>(switchCommand);
    full.addAll(command);
    return run(full, workDir);
  }

  /** Hands a file or directory to this user (a no-op when no switch is needed). */
  void own(Path path) {
    if (!isSwitched()) {
      return;
    }
    try {
      Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot give " + path + " to user " + name, e);
    }
  }

  /** Hands a whole tree to this user unless its root already belongs to it. */
  void ownTree(Path root) {
    if (!isSwitched()) {
      return;
    }
    try {
      if (((Integer) Files.getAttribute(root, "unix:uid")) == uid) {
        return;
      }
      try (Stream<Path> paths = Files.walk(root)) {
        paths.forEach(this::own);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot give " + root + " to user " + name, e);
    }
  }

  /**
   * Fails with a message naming the directory and the fix when this user cannot reach one of {@code
   * paths}: every ancestor must be searchable (x) by it. Asks the kernel itself, as that user, so
   * group membership and ACLs count.
   */
  void requireReachable(List<Path> paths) {
    if (!isSwitched()) {
      return;
    }
    List<String> command = new ArrayList<>(List.of("sh", "-c", REACH_SCRIPT, "reach"));
    for (Path path : paths) {
      List<Path> chain = new ArrayList<>();
      for (Path p = path.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
        chain.addFirst(p);
      }
      chain.forEach(p -> command.add(p.toString()));
    }
    Finished check = run(Path.of("/"), command);
    if (check.exitCode() != 0) {
      String blocked = check.output().strip();
      throw new IllegalStateException(
          "PostgreSQL runs as user '"
              + name
              + "' because the JVM is root, but '"
              + name
              + "' cannot enter "
              + blocked
              + ". Fix: chmod o+x "
              + blocked
              + ", or put the PostgreSQL data and binaries directories elsewhere (e.g. /var/tmp).");
    }
  }

  private static String require(List<String> command) {
    Finished finished = run(command, null);
    if (finished.exitCode() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + finished.output());
    }
    return finished.output();
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs a command with its output sent to a file, not a pipe: {@code pg_ctl start} leaves a server
   * behind, and a pipe it inherited would never reach end of file.
   */
  private static Finished run(List<String> command, Path workDir) {
    Path out = null;
    try {
      out = Files.createTempFile("telco-pg-", ".out");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(out.toFile());
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      if (workDir != null) {
        builder.directory(workDir.toFile());
      }
      builder.environment().keySet().removeIf(key -> key.startsWith("PG"));
      builder.environment().put("LC_ALL", "C");
      Process process = builder.start();
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", command));
      }
      return new Finished(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.getFirst(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
    } finally {
      deleteQuietly(out);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // A leftover temporary file is harmless.
    }
  }

  /**
   * How a command ended.
   *
   * @param exitCode its exit status
   * @param output what it printed on stdout and stderr
   */
  record Finished(int exitCode, String output) {}
}
