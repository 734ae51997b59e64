package org.telco.bench;

import java.util.List;

/**
 * What one run of the ledger benchmark measured.
 *
 * @param name the run's label, such as {@code engine}
 * @param request what one request is, such as {@code 100 transfers}
 * @param load the counts and latencies of the measured window
 * @param details further figures of the window, one line each (commits, CPU, WAL)
 * @param audit the consistency check done afterwards
 */
record RunResult(
    String name, String request, LoadDriver.Result load, List<String> details, Audit audit) {
  /** Transfers committed per second of the window. */
  double transfersPerSecond() {
    return load.measured().accepted() / load.seconds();
  }

  /** Requests answered per second of the window. */
  double requestsPerSecond() {
    return load.measured().requests() / load.seconds();
  }

  /** True when the audit passed and no request failed. */
  boolean passed() {
    return audit.passed() && load.errors() == 0;
  }
}
