package org.telco.porting.routing;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.telco.subscriber.Msisdn;

/**
 * The copy of the routing database that every node keeps: a {@link RoutingTable} plus the version
 * of the last routing change it reflects (0 before the first). Changes are applied strictly in
 * version order; anything else is refused with a reason, and the caller decides what to do:
 *
 * <ol>
 *   <li>{@link Outcome#DUPLICATE}: the version is at most the last applied one. Redelivery is
 *       expected from an at-least-once stream, so this is a success that changes nothing.
 *   <li>{@link Outcome#GAP}: the version is beyond the next one, so at least one change was missed.
 *       Nothing is applied, and every later change will be refused the same way until the caller
 *       resyncs with {@link #loadSnapshot}.
 *   <li>{@link Outcome#APPLIED}: the version is exactly the next one.
 * </ol>
 *
 * <p>Concurrency: the same contract as {@link RoutingTable}. {@link #apply} and {@link
 * #loadSnapshot} belong to one writer thread at a time; {@link #lookup}, {@link #version} and
 * {@link #size} are lock-free from any thread. The table and then the version are published through
 * volatile fields, so a reader that sees {@code version() == v} and then looks a number up sees
 * every change up to {@code v} (and perhaps later ones). A snapshot is built in a new table on the
 * side and swapped in whole: a lookup answers from the old table or the new one, never a mixture.
 */
public final class RoutingReplica {
  /** What {@link #apply} did with a change, in the order the checks are made. */
  public enum Outcome {
    /** Already applied (version at most the last one): nothing changed. */
    DUPLICATE,
    /** One or more changes are missing before this one: nothing changed; resync from a snapshot. */
    GAP,
    /** The change was the next one and is now reflected by lookups. */
    APPLIED
  }

  private volatile RoutingTable table = new RoutingTable();
  private volatile long version;

  /** Applies {@code change} if it is the next one in version order. Writer only. */
  public Outcome apply(RoutingChange change) {
    Objects.requireNonNull(change, "change");
    long last = version;
    if (change.version() <= last) {
      return Outcome.DUPLICATE;
    }
    if (change.version() != last + 1) {
      return Outcome.GAP;
    }
    RoutingTable current = table;
    switch (change) {
      case RoutingChange.Ported ported ->
          current.put(RoutingTable.keyOf(ported.msisdn()), ported.routing());
      case RoutingChange.Repatriated repatriated ->
          current.remove(RoutingTable.keyOf(repatriated.msisdn()));
    }
    version = change.version();
    return Outcome.APPLIED;
  }

  /**
   * Replaces everything with {@code records}, which reflect every change up to {@code version}, as
   * after a gap or at start-up. The new table is filled before it is published. Writer only.
   *
   * @throws IllegalArgumentException if the version is negative or a number appears twice
   */
  public void loadSnapshot(long version, Collection<RoutingRecord> records) {
    if (version < 0) {
      throw new IllegalArgumentException("snapshot version must be >= 0: " + version);
    }
    RoutingTable fresh = new RoutingTable(records.size());
    for (RoutingRecord record : records) {
      if (!fresh.put(RoutingTable.keyOf(record.msisdn()), record.routing())) {
        throw new IllegalArgumentException("snapshot has two records for " + record.msisdn());
      }
    }
    table = fresh;
    this.version = version;
  }

  /** The routing of {@code msisdn}, or empty if it is not ported. Lock-free, any thread. */
  public Optional<Routing> lookup(Msisdn msisdn) {
    return table.lookup(msisdn);
  }

  /**
   * The routing of the number whose digits are {@code msisdn}, or empty if it is not ported.
   * Lock-free and allocation-free, any thread.
   */
  public Optional<Routing> lookup(long msisdn) {
    return table.lookup(msisdn);
  }

  /**
   * Looks up {@code msisdns[from..to)} in one table and appends their routings, or empty, to {@code
   * answers} in order (see {@link RoutingTable#lookupAll}). Lock-free, any thread.
   *
   * @return how many of the numbers are ported
   */
  public int lookupAll(long[] msisdns, int from, int to, List<Optional<Routing>> answers) {
    return table.lookupAll(msisdns, from, to, answers);
  }

  /** The version of the last change reflected, 0 before any. Any thread. */
  public long version() {
    return version;
  }

  /** Ported numbers with a record. Any thread. */
  public int size() {
    return table.size();
  }

  /** Bytes of the current table's slot array (see {@link RoutingTable#footprintBytes()}). */
  public long footprintBytes() {
    return table.footprintBytes();
  }
}
