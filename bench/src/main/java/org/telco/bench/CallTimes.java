package org.telco.bench;

import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Times every call through the store interfaces it wraps, by interface and method, summed over the
 * calling threads, and counts the rows of batch calls (the size of a collection passed first). It
 * tells where a handler's time goes without timing code in the product: each store method is one
 * statement or one transaction, so the table reads like a statement profile seen from the JVM
 * (round trip, PostgreSQL's work and the JDBC encoding together).
 */
final class CallTimes {
  private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> rows = new ConcurrentHashMap<>();

  /** {@code target} seen through {@code type}, with every call timed. */
  <T> T wrap(Class<T> type, T target) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          String name = type.getSimpleName() + "." + method.getName();
          long started = System.nanoTime();
          try {
            return method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          } finally {
            nanos.computeIfAbsent(name, key -> new LongAdder()).add(System.nanoTime() - started);
            calls.computeIfAbsent(name, key -> new LongAdder()).increment();
            if (args != null && args.length > 0 && args[0] instanceof Collection<?> batch) {
              rows.computeIfAbsent(name, key -> new LongAdder()).add(batch.size());
            }
          }
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  /** The rows passed so far to {@code type}'s batch method {@code method}. */
  long rows(Class<?> type, String method) {
    LongAdder passed = rows.get(type.getSimpleName() + "." + method);
    return passed == null ? 0 : passed.sum();
  }

  /** The calls so far of {@code type}'s method {@code method}. */
  long calls(Class<?> type, String method) {
    LongAdder made = calls.get(type.getSimpleName() + "." + method);
    return made == null ? 0 : made.sum();
  }

  /** Forgets everything so far, such as the seeding's calls. */
  void reset() {
    nanos.clear();
    calls.clear();
    rows.clear();
  }

  /** Prints each call's total time, calls and mean, and its time per {@code unit}. */
  void print(PrintStream out, long units, String unit) {
    out.printf(
        "    %-34s %8s %7s %10s %9s %12s%n",
        "call", "total s", "calls", "rows", "mean ms", "µs per " + unit);
    for (Map.Entry<String, LongAdder> entry : new TreeMap<>(nanos).entrySet()) {
      long total = entry.getValue().sum();
      long count = calls.get(entry.getKey()).sum();
      LongAdder passed = rows.get(entry.getKey());
      out.printf(
          "    %-34s %8.2f %7d %10s %9.2f %12.1f%n",
          entry.getKey(),
          total / 1e9,
          count,
          passed == null ? "" : String.format("%,d", passed.sum()),
          count == 0 ? 0.0 : total / 1e6 / count,
          units == 0 ? 0.0 : total / 1e3 / units);
    }
  }
}
