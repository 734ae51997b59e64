package org.telco.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of one PostgreSQL server: the postmaster, its live children (backends, WAL writer,
 * checkpointer, autovacuum) and the children it has reaped, from {@code /proc}. Unlike the
 * machine's busy time, it leaves out whatever else runs on the machine, so a run's cost can be
 * judged on a machine that is not quiet.
 */
final class PostgresCpu {
  /** Kernel clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
  private static final long TICKS_PER_SECOND = 100;

  private PostgresCpu() {}

  /** CPU seconds so far of the server whose data directory is {@code dataDir}, or -1. */
  static double seconds(Path dataDir) {
    try {
      String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim();
      String[] postmaster = stat(pid);
      long ticks = 0;
      for (int field = 13; field <= 16; field++) { // utime, stime, cutime, cstime
        ticks += Long.parseLong(postmaster[field]);
      }
      try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
        for (Path process : processes) {
          String[] fields = stat(process.getFileName().toString());
          if (fields != null && fields[3].equals(pid)) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
          }
        }
      }
      return (double) ticks / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The fields of {@code /proc/<pid>/stat} after the command name, numbered as in proc(5). */
  private static String[] stat(String pid) {
    try {
      String line = Files.readString(Path.of("/proc", pid, "stat"));
      String rest = line.substring(line.lastIndexOf(')') + 2);
      String[] after = rest.split(" ");
      String[] fields = new String[after.length + 2];
      System.arraycopy(after, 0, fields, 2, after.length);
      return fields;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
