package org.telco.porting.routing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.telco.subscriber.Msisdn;

/**
 * The in-memory lookup from ported number to routing: an open-addressing hash table with linear
 * probing over a single {@code long[]}. Each slot packs a number (at most 15 digits, so under 2^50)
 * with the one-byte code of its routing ({@link RoutingCodes}): {@code msisdn << 8 | code}. An
 * empty slot is 0, a removed record leaves a tombstone (-1). At 10,000,000 numbers the array is 8
 * bytes per slot at a load between 1/2 and 3/4, so 10.7 to 16 bytes per ported number.
 *
 * <p><b>Concurrency contract: one writer, any number of readers.</b> {@link #put}, {@link #remove}
 * and everything that changes the table must be called by one thread at a time (handing the role to
 * another thread needs a happens-before edge, such as a lock or a queue). {@link #lookup} and
 * {@link #code} are lock-free, never block and may run on any thread at any time:
 *
 * <ul>
 *   <li>A slot is one {@code long}, written with release and read with acquire semantics through a
 *       {@link VarHandle}, so a reader sees a whole old or a whole new slot, never a torn one, and
 *       never a number paired with another number's routing.
 *   <li>A record is only ever overwritten in place, turned into a tombstone, or written into a slot
 *       that was empty or a tombstone while the number had no record. Slots never become empty
 *       again, so every slot between a number's home slot and its record stays occupied and a
 *       concurrent probe cannot stop short of a record that exists throughout the probe.
 *   <li>Growth, tombstone clean-up and shrinking build a new array on the side and publish it
 *       through a volatile field. A reader still probing the old array sees it as it was when the
 *       new one was published; the writer never touches an array again once it has replaced it.
 * </ul>
 *
 * Hence a lookup answers the routing the number had at some instant between the call's start and
 * its return: during a change, the old or the new routing, never anything else, and never a routing
 * for a number that was not ported at some instant of the call.
 */
public final class RoutingTable {
  /** What {@link #code} answers for a number without a record. */
  public static final int NOT_PORTED = 0;

  /** Smallest number a record may hold: 8 digits. */
  static final long MSISDN_MIN = 10_000_000L;

  /** Largest number a record may hold: 15 digits. */
  static final long MSISDN_MAX = 999_999_999_999_999L;

  /** Slots of an empty table, and the fewest a table shrinks to. */
  static final int CAPACITY_MIN = 16;

  /** Most slots (8 GiB of array). */
  static final int CAPACITY_MAX = 1 << 30;

  /** Numbers whose home slots {@link #lookupAll} loads before it probes any of them. */
  static final int GROUP = 16;

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
  private static final long EMPTY = 0L;
  private static final long TOMBSTONE = -1L;
  private static final int CODE_BITS = 8;
  private static final int CODE_MASK = (1 << CODE_BITS) - 1;

  private final RoutingCodes codes = new RoutingCodes();
  private volatile long[] slots;
  private volatile int size;
  private int tombstones;
  private int rebuilds;

  /** An empty table of {@link #CAPACITY_MIN} slots that grows as numbers are added. */
  public RoutingTable() {
    this(0);
  }

  /**
   * An empty table sized so that {@code expectedNumbers} records fill it to two thirds: loading a
   * snapshot of that size needs no rebuild and leaves room for growth before the first one.
   */
  public RoutingTable(int expectedNumbers) {
    if (expectedNumbers < 0) {
      throw new IllegalArgumentException("expected numbers must be >= 0: " + expectedNumbers);
    }
    slots = new long[capacityFor(expectedNumbers * 3L / 2)];
  }

  /** The key a number is stored under: its digits as a {@code long}. */
  public static long keyOf(Msisdn msisdn) {
    return Long.parseLong(msisdn.digits());
  }

  /** The routing of {@code msisdn}, or empty if it is not ported. Lock-free, any thread. */
  public Optional<Routing> lookup(Msisdn msisdn) {
    return lookup(keyOf(msisdn));
  }

  /**
   * The routing of the number whose digits are {@code msisdn}, or empty if it is not ported.
   * Lock-free, any thread, and allocation-free: the answers are shared {@link Optional}s.
   */
  public Optional<Routing> lookup(long msisdn) {
    return codes.routing(code(msisdn));
  }

  /**
   * The one-byte code of the routing of {@code msisdn} (decode it with {@link #routing}), or {@link
   * #NOT_PORTED}. Lock-free, any thread; the probe ends at the record or at the first empty slot,
   * and at most three quarters of the slots are ever occupied.
   */
  public int code(long msisdn) {
    long[] table = slots;
    return probe(table, msisdn, (long) SLOT.getAcquire(table, home(msisdn, table.length)));
  }

  /**
   * Looks up {@code msisdns[from..to)} and appends their routings, or empty for those not ported,
   * to {@code answers} in the same order: the same answers as {@link #lookup(long)} one by one, but
   * faster for many numbers at once. Lock-free, any thread.
   *
   * <p>A lookup's time goes almost all into waiting for the slot array's memory, and a processor
   * can wait for several loads at once only when nothing depends on them yet. So the numbers go in
   * groups of {@value #GROUP}: first the home slot of each is loaded, with no decision taken on
   * any, then each is probed starting from its loaded home slot. Every slot is still read with
   * acquire semantics from one array, so each answer keeps the guarantee of {@link #lookup(long)}
   * for the duration of this call.
   *
   * @return how many of the numbers are ported
   */
  public int lookupAll(long[] msisdns, int from, int to, List<Optional<Routing>> answers) {
    Objects.checkFromToIndex(from, to, msisdns.length);
    long[] table = slots;
    int capacity = table.length;
    long[] homes = new long[GROUP];
    int ported = 0;
    for (int start = from; start < to; start += GROUP) {
      int end = Math.min(to, start + GROUP);
      for (int i = start; i < end; i++) {
        homes[i - start] = (long) SLOT.getAcquire(table, home(msisdns[i], capacity));
      }
      for (int i = start; i < end; i++) {
        int code = probe(table, msisdns[i], homes[i - start]);
        answers.add(codes.routing(code));
        if (code != NOT_PORTED) {
          ported++;
        }
      }
    }
    return ported;
  }

  /** What a code answered by {@link #code} stands for; empty for {@link #NOT_PORTED}. */
  public Optional<Routing> routing(int code) {
    return codes.routing(code);
  }

  /**
   * Records that {@code msisdn} now lives at {@code routing}, replacing any earlier record. Writer
   * only.
   *
   * @return whether the number had no record before
   * @throws IllegalArgumentException if {@code msisdn} is not 8 to 15 digits
   * @throws IllegalStateException if this would be the table's 256th distinct routing
   */
  public boolean put(long msisdn, Routing routing) {
    checkMsisdn(msisdn);
    long entry = msisdn << CODE_BITS | codes.codeOf(routing);
    long[] table = slots;
    int found = find(table, msisdn);
    if (found >= 0) {
      SLOT.setRelease(table, found, entry);
      return false;
    }
    if (isFullAfterOneMore(table.length)) {
      table = rebuild(size + 1);
    }
    int free = freeSlot(table, msisdn);
    if (table[free] == TOMBSTONE) {
      tombstones--;
    }
    SLOT.setRelease(table, free, entry);
    size = size + 1;
    return true;
  }

  /**
   * Removes the record of {@code msisdn}, leaving a tombstone; shrinks the table when fewer than a
   * quarter of its slots hold records. Writer only.
   *
   * @return whether there was a record
   */
  public boolean remove(long msisdn) {
    if (msisdn < MSISDN_MIN || msisdn > MSISDN_MAX) {
      return false;
    }
    long[] table = slots;
    int found = find(table, msisdn);
    if (found < 0) {
      return false;
    }
    SLOT.setRelease(table, found, TOMBSTONE);
    tombstones++;
    size = size - 1;
    if (table.length > CAPACITY_MIN && size < table.length / 4) {
      rebuild(size);
    }
    return true;
  }

  /** Ported numbers with a record. Any thread. */
  public int size() {
    return size;
  }

  /** Slots in the current array. Any thread. */
  public int capacity() {
    return slots.length;
  }

  /** Distinct routings seen so far (each has a code). Any thread. */
  public int routingCount() {
    return codes.count();
  }

  /**
   * Bytes of the slot array, header included: the table's memory apart from the code list, which
   * holds at most 255 shared routings however many numbers there are.
   */
  public long footprintBytes() {
    return 16 + 8L * slots.length;
  }

  /** Times a new array was built (growth, tombstone clean-up or shrink). Writer only; for tests. */
  int rebuilds() {
    return rebuilds;
  }

  /** Tombstones in the current array. Writer only; for tests. */
  int tombstones() {
    return tombstones;
  }

  /**
   * Probes {@code table} for {@code msisdn} from its home slot, whose value {@code homeSlot} the
   * caller has already read with acquire semantics; every later slot is read the same way.
   */
  private static int probe(long[] table, long msisdn, long homeSlot) {
    if (msisdn < MSISDN_MIN || msisdn > MSISDN_MAX) {
      return NOT_PORTED;
    }
    int capacity = table.length;
    int i = home(msisdn, capacity);
    long slot = homeSlot;
    while (true) {
      if (slot == EMPTY) {
        return NOT_PORTED;
      }
      if (slot >>> CODE_BITS == msisdn) {
        return (int) slot & CODE_MASK;
      }
      if (++i == capacity) {
        i = 0;
      }
      slot = (long) SLOT.getAcquire(table, i);
    }
  }

  private boolean isFullAfterOneMore(int capacity) {
    long used = (long) size + tombstones + 1;
    return used * 4 > capacity * 3L;
  }

  /**
   * Copies the records into a fresh array sized for {@code live} records at half load, dropping the
   * tombstones, and publishes it. The old array is left as it was for readers still probing it.
   */
  private long[] rebuild(int live) {
    long[] old = slots;
    long[] fresh = new long[capacityFor(2L * live)];
    for (long slot : old) {
      if (slot != EMPTY && slot != TOMBSTONE) {
        fresh[freeSlot(fresh, slot >>> CODE_BITS)] = slot;
      }
    }
    // The volatile write publishes the plain writes above to every reader that loads the field.
    slots = fresh;
    tombstones = 0;
    rebuilds++;
    return fresh;
  }

  /** Index of the record of {@code msisdn} in {@code table}, or -1. Writer only. */
  private static int find(long[] table, long msisdn) {
    int capacity = table.length;
    int i = home(msisdn, capacity);
    while (true) {
      long slot = table[i];
      if (slot == EMPTY) {
        return -1;
      }
      if (slot >>> CODE_BITS == msisdn) {
        return i;
      }
      if (++i == capacity) {
        i = 0;
      }
    }
  }

  /** First empty or tombstone slot on the probe path of {@code msisdn}. Writer only. */
  private static int freeSlot(long[] table, long msisdn) {
    int capacity = table.length;
    int i = home(msisdn, capacity);
    while (table[i] != EMPTY && table[i] != TOMBSTONE) {
      if (++i == capacity) {
        i = 0;
      }
    }
    return i;
  }

  /**
   * The slot a probe for {@code msisdn} starts at. The number is mixed with the MurmurHash3
   * finalizer so that runs of consecutive numbers spread over the whole array, then its high 32
   * bits are mapped onto {@code [0, capacity)} by a multiply and shift, which works for any
   * capacity and so lets the table grow by half rather than double.
   */
  static int home(long msisdn, int capacity) {
    long h = msisdn;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (int) (((h >>> 32) * capacity) >>> 32);
  }

  private static int capacityFor(long slotsWanted) {
    if (slotsWanted > CAPACITY_MAX) {
      throw new IllegalStateException(
          "a routing table holds at most " + CAPACITY_MAX + " slots; asked for " + slotsWanted);
    }
    return (int) Math.max(CAPACITY_MIN, slotsWanted);
  }

  private static void checkMsisdn(long msisdn) {
    if (msisdn < MSISDN_MIN || msisdn > MSISDN_MAX) {
      throw new IllegalArgumentException("msisdn must be 8 to 15 digits: " + msisdn);
    }
  }
}
