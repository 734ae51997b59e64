package org.telco.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks a benchmark's audit prints, one line each with its figure and whether it holds, and
 * the failures they collect: one failure fails the benchmark.
 */
class AuditChecks {
  /** Where the lines go. */
  protected final PrintStream out;

  /** What did not hold, for the verdict. */
  protected final List<String> failures = new ArrayList<>();

  AuditChecks(PrintStream out) {
    this.out = out;
  }

  /** Prints {@code what} with its figure, and records a failure unless it is {@code wanted}. */
  protected void check(String what, long actual, long wanted) {
    boolean ok = actual == wanted;
    if (!ok) {
      failures.add(what + ": " + actual + ", expected " + wanted);
    }
    out.printf("    %-44s %,14d  %s%n", what, actual, ok ? "ok" : "FAIL (expected " + wanted + ")");
  }

  /** The single number {@code sql} answers. */
  protected static long count(Connection connection, String sql) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql);
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }
}
