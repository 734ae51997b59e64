package org.telco.storage.traffic;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalTime;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import org.telco.storage.Timestamps;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.traffic.Bucket;
import org.telco.traffic.BucketId;
import org.telco.traffic.BucketState;
import org.telco.traffic.CardId;
import org.telco.traffic.CardState;
import org.telco.traffic.IdleHours;
import org.telco.traffic.ProductId;
import org.telco.traffic.ProductKind;
import org.telco.traffic.PurchaseId;
import org.telco.traffic.PurchaseStep;
import org.telco.traffic.RatingGroup;
import org.telco.traffic.TrafficAccounts;
import org.telco.traffic.TrafficCard;
import org.telco.traffic.TrafficPurchase;
import org.telco.traffic.VoidReason;

/**
 * Rows of {@code traffic_bucket}, {@code traffic_purchase} and {@code traffic_card} to records and
 * back. Rating groups are a {@code bigint[]}, ascending.
 */
final class TrafficRows {
  /** The columns {@link #bucket} reads and {@link #bindBucket} writes, in this order. */
  static final String BUCKET_COLUMNS =
      "id, msisdn, family, slot, product_id, kind, volume_bytes, rating_groups, idle_start,"
          + " idle_end, valid_from, valid_until, priority, state";

  /** How many columns {@link #BUCKET_COLUMNS} names. */
  static final int BUCKET_WIDTH = 14;

  /** The columns {@link #purchase} reads. */
  static final String PURCHASE_COLUMNS =
      "id, msisdn, product_id, price_fen, step, void_reason, card_id, created_at, expires_at,"
          + " updated_at";

  /** The columns {@link #card} reads and {@link #bindCard} writes, in this order. */
  static final String CARD_COLUMNS =
      "id, purchase_id, product_id, purchaser, volume_bytes, rating_groups, state, bound_to,"
          + " designated, bound_at, created_at";

  private TrafficRows() {}

  static Bucket bucket(ResultSet row) throws SQLException {
    LocalTime idleStart = row.getObject(9, LocalTime.class);
    LocalTime idleEnd = row.getObject(10, LocalTime.class);
    return new Bucket(
        new BucketId(row.getString(1)),
        new Msisdn(row.getString(2)),
        new ProductId(row.getString(5)),
        ProductKind.valueOf(row.getString(6)),
        TrafficAccounts.bucketAccount(row.getLong(3), row.getInt(4)),
        row.getLong(7),
        ratingGroups(row.getArray(8)),
        idleStart == null ? null : new IdleHours(idleStart, idleEnd),
        Timestamps.read(row, 11),
        Timestamps.read(row, 12),
        row.getInt(13),
        BucketState.valueOf(row.getString(14)));
  }

  static void bindBucket(PreparedStatement statement, Bucket bucket) throws SQLException {
    statement.setString(1, bucket.id().value());
    statement.setString(2, bucket.msisdn().digits());
    statement.setLong(3, SubscriberAccounts.family(bucket.account()));
    statement.setInt(4, bucket.slot());
    statement.setString(5, bucket.productId().value());
    statement.setString(6, bucket.kind().name());
    statement.setLong(7, bucket.volumeBytes());
    statement.setArray(8, ratingGroups(statement.getConnection(), bucket.ratingGroups()));
    IdleHours idle = bucket.idleHours();
    if (idle == null) {
      statement.setNull(9, Types.TIME);
      statement.setNull(10, Types.TIME);
    } else {
      statement.setObject(9, idle.start());
      statement.setObject(10, idle.end());
    }
    Timestamps.set(statement, 11, bucket.validFrom());
    Timestamps.set(statement, 12, bucket.validUntil());
    statement.setInt(13, bucket.priority());
    statement.setString(14, bucket.state().name());
  }

  static TrafficPurchase purchase(ResultSet row) throws SQLException {
    String reason = row.getString(6);
    String card = row.getString(7);
    return new TrafficPurchase(
        new PurchaseId(row.getString(1)),
        new Msisdn(row.getString(2)),
        new ProductId(row.getString(3)),
        row.getLong(4),
        PurchaseStep.valueOf(row.getString(5)),
        reason == null ? null : VoidReason.valueOf(reason),
        card == null ? null : new CardId(card),
        Timestamps.read(row, 8),
        Timestamps.read(row, 9),
        Timestamps.read(row, 10));
  }

  static TrafficCard card(ResultSet row) throws SQLException {
    String boundTo = row.getString(8);
    return new TrafficCard(
        new CardId(row.getString(1)),
        new PurchaseId(row.getString(2)),
        new ProductId(row.getString(3)),
        new Msisdn(row.getString(4)),
        row.getLong(5),
        ratingGroups(row.getArray(6)),
        CardState.valueOf(row.getString(7)),
        boundTo == null ? null : new Msisdn(boundTo),
        row.getBoolean(9),
        Timestamps.read(row, 10),
        Timestamps.read(row, 11));
  }

  static void bindCard(PreparedStatement statement, TrafficCard card) throws SQLException {
    statement.setString(1, card.id().value());
    statement.setString(2, card.purchaseId().value());
    statement.setString(3, card.productId().value());
    statement.setString(4, card.purchaser().digits());
    statement.setLong(5, card.volumeBytes());
    statement.setArray(6, ratingGroups(statement.getConnection(), card.ratingGroups()));
    statement.setString(7, card.state().name());
    statement.setString(8, card.boundTo() == null ? null : card.boundTo().digits());
    statement.setBoolean(9, card.designated());
    Timestamps.set(statement, 10, card.boundAt());
    Timestamps.set(statement, 11, card.createdAt());
  }

  /** A {@code bigint[]} of rating groups. */
  static Array ratingGroups(Connection connection, Collection<RatingGroup> groups)
      throws SQLException {
    Long[] values = new Long[groups.size()];
    int i = 0;
    for (RatingGroup group : groups) {
      values[i++] = group.value();
    }
    return connection.createArrayOf("int8", values);
  }

  private static SortedSet<RatingGroup> ratingGroups(Array array) throws SQLException {
    SortedSet<RatingGroup> groups = new TreeSet<>();
    for (Long value : longs(array)) {
      groups.add(new RatingGroup(value));
    }
    return groups;
  }

  /** The elements of a {@code bigint[]}. */
  static Long[] longs(Array array) throws SQLException {
    try {
      return (Long[]) array.getArray();
    } finally {
      array.free();
    }
  }
}
