package org.telco.app.demo;

import java.io.PrintStream;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How a demo reports what it observed: one line per step with its verdict, remembering whether any
 * step went wrong so the command can exit non-zero. Effects that travel through the outbox (network
 * commands, SMS) land a moment after the call that caused them, so reads of them are retried for a
 * few seconds before a step is judged.
 */
final class DemoSteps {
  private static final long WAIT_NANOS = 5_000_000_000L;

  private final PrintStream out;
  private boolean failed;

  DemoSteps(PrintStream out) {
    this.out = out;
  }

  /** Prints {@code step} with what was {@code observed}, marked by whether it is {@code ok}. */
  void check(String step, boolean ok, String observed) {
    out.printf("%s %s: %s%n", ok ? "[ok]  " : "[FAIL]", step, observed);
    failed |= !ok;
  }

  /** Whether some step did not observe what it expected. */
  boolean failed() {
    return failed;
  }

  /** Reads until {@code done} holds or five seconds pass; the last value read. */
  static <T> T await(Supplier<T> read, Predicate<T> done) {
    long deadline = System.nanoTime() + WAIT_NANOS;
    T value = read.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return value;
      }
      value = read.get();
    }
    return value;
  }

  /** An SMS text in quotes, or "none". */
  static String quoted(String text) {
    return text.isEmpty() ? "none" : "\"" + text + "\"";
  }
}
