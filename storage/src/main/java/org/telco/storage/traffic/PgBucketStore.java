package org.telco.storage.traffic;

import static org.telco.storage.traffic.TrafficRows.BUCKET_COLUMNS;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.telco.storage.Timestamps;
import org.telco.subscriber.Msisdn;
import org.telco.traffic.Bucket;
import org.telco.traffic.BucketId;
import org.telco.traffic.BucketState;
import org.telco.traffic.BucketStore;
import org.telco.traffic.NewBucket;
import org.telco.traffic.TrafficAccounts;
import org.telco.traffic.UsagePriority;

/**
 * The durable {@link BucketStore}: table {@code traffic_bucket} (V019).
 *
 * <p>It behaves like {@link org.telco.traffic.InMemoryBucketStore}, with the database deciding the
 * races. A create reads the family's live slots and inserts into the lowest free one, {@code ON
 * CONFLICT DO NOTHING}: the partial unique index {@code traffic_bucket_live_slot} refuses a slot a
 * rival took meanwhile, and the create tries again, seeing the rival's row. A create and a reorder
 * of one owner also take a transaction-scoped advisory lock on the owner's number, so a new
 * bucket's place is computed from the priorities a reorder committed, and of two reorders the later
 * one applies whole.
 */
public final class PgBucketStore implements BucketStore {
  /** The first key of the owner locks, so they meet no other advisory lock of the database. */
  private static final int OWNER_LOCKS = 0x5F0B;

  private static final String LOCK_OWNER = "SELECT pg_advisory_xact_lock(?, hashtext(?))";
  private static final String FIND =
      "SELECT %s FROM traffic_bucket WHERE id = ?".formatted(BUCKET_COLUMNS);
  private static final String LIVE_SLOTS =
      "SELECT slot FROM traffic_bucket WHERE family = ? AND state IN ('PENDING', 'ACTIVE')";
  private static final String LIVE_OF =
      "SELECT %s FROM traffic_bucket WHERE msisdn = ? AND state IN ('PENDING', 'ACTIVE')"
          .formatted(BUCKET_COLUMNS);
  private static final String CREATE =
      """
      INSERT INTO traffic_bucket (%s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING
      """
          .formatted(BUCKET_COLUMNS);
  private static final String MOVE =
      "UPDATE traffic_bucket SET state = ? WHERE id = ? AND state = ?";
  private static final String REORDER =
      """
      UPDATE traffic_bucket b SET priority = u.priority
      FROM unnest(?::text[], ?::int4[]) AS u(id, priority)
      WHERE b.id = u.id
      """;
  private static final String ENDED_BEFORE =
      """
      SELECT %s FROM traffic_bucket WHERE state = 'ACTIVE' AND valid_until < ?
      ORDER BY valid_until, id COLLATE "C" LIMIT ?
      """
          .formatted(BUCKET_COLUMNS);

  /** More than enough: each failed try found a slot taken by a rival that committed. */
  private static final int TRIES_MAX = 2 * TrafficAccounts.LAST_BUCKET_SLOT;

  private final Transactions db;

  /** A store on the migrated database behind {@code dataSource}. */
  public PgBucketStore(DataSource dataSource) {
    this.db = new Transactions(dataSource);
  }

  /** What one try of a create came to. */
  private record Try(boolean done, Optional<Bucket> bucket) {
    static final Try AGAIN = new Try(false, Optional.empty());
  }

  @Override
  public Optional<Bucket> create(NewBucket request) {
    for (int i = 0; i < TRIES_MAX; i++) {
      Try attempt = db.inTransaction("create bucket " + request.id(), c -> tryCreate(c, request));
      if (attempt.done()) {
        return attempt.bucket();
      }
    }
    throw new IllegalStateException("no slot settled for bucket " + request.id());
  }

  private static Try tryCreate(Connection connection, NewBucket request) throws SQLException {
    lockOwner(connection, request.msisdn());
    List<Bucket> stored =
        Transactions.list(
            connection, FIND, s -> s.setString(1, request.id().value()), TrafficRows::bucket);
    if (!stored.isEmpty()) {
      return new Try(true, Optional.of(stored.getFirst()));
    }
    Set<Integer> taken =
        new HashSet<>(
            Transactions.list(
                connection, LIVE_SLOTS, s -> s.setLong(1, request.family()), r -> r.getInt(1)));
    int slot = TrafficAccounts.FIRST_BUCKET_SLOT;
    while (slot <= TrafficAccounts.LAST_BUCKET_SLOT && taken.contains(slot)) {
      slot++;
    }
    if (slot > TrafficAccounts.LAST_BUCKET_SLOT) {
      return new Try(true, Optional.empty());
    }
    List<Bucket> live = liveOf(connection, request.msisdn());
    Bucket bucket = request.at(slot, UsagePriority.placeFor(live, request.product().usedFirst()));
    int inserted = Transactions.update(connection, CREATE, s -> TrafficRows.bindBucket(s, bucket));
    return inserted == 1 ? new Try(true, Optional.of(bucket)) : Try.AGAIN;
  }

  @Override
  public Optional<Bucket> find(BucketId id) {
    return db.one("read bucket " + id, FIND, s -> s.setString(1, id.value()), TrafficRows::bucket);
  }

  @Override
  public List<Bucket> liveOf(Msisdn msisdn) {
    return db.autoCommit("read the buckets of " + msisdn, c -> liveOf(c, msisdn));
  }

  private static List<Bucket> liveOf(Connection connection, Msisdn msisdn) throws SQLException {
    return Transactions.list(
            connection, LIVE_OF, s -> s.setString(1, msisdn.digits()), TrafficRows::bucket)
        .stream()
        .sorted(UsagePriority.ORDER)
        .toList();
  }

  @Override
  public boolean move(BucketId id, BucketState from, BucketState to) {
    if (!isLive(from) && isLive(to)) {
      throw new IllegalArgumentException("an ended bucket does not live again: " + id);
    }
    return db.update(
            "move bucket " + id,
            MOVE,
            s -> {
              s.setString(1, to.name());
              s.setString(2, id.value());
              s.setString(3, from.name());
            })
        == 1;
  }

  @Override
  public boolean reorder(Msisdn msisdn, List<BucketId> order) {
    return db.inTransaction(
        "reorder the buckets of " + msisdn,
        connection -> {
          lockOwner(connection, msisdn);
          if (UsagePriority.check(liveOf(connection, msisdn), order) != null) {
            return false;
          }
          String[] ids = new String[order.size()];
          Integer[] priorities = new Integer[order.size()];
          for (int i = 0; i < ids.length; i++) {
            ids[i] = order.get(i).value();
            priorities[i] = i;
          }
          Transactions.update(
              connection,
              REORDER,
              s -> {
                s.setArray(1, connection.createArrayOf("text", ids));
                s.setArray(2, connection.createArrayOf("int4", priorities));
              });
          return true;
        });
  }

  @Override
  public List<Bucket> endedBefore(Instant before, int limit) {
    return db.list(
        "list the buckets ended before " + before,
        ENDED_BEFORE,
        s -> {
          Timestamps.set(s, 1, before);
          s.setInt(2, limit);
        },
        TrafficRows::bucket);
  }

  private static void lockOwner(Connection connection, Msisdn msisdn) throws SQLException {
    Transactions.list(
        connection,
        LOCK_OWNER,
        s -> {
          s.setInt(1, OWNER_LOCKS);
          s.setString(2, msisdn.digits());
        },
        r -> Boolean.TRUE);
  }

  private static boolean isLive(BucketState state) {
    return state == BucketState.PENDING || state == BucketState.ACTIVE;
  }
}
