package org.telco.storage.traffic;

import static org.telco.storage.traffic.TrafficRows.PURCHASE_COLUMNS;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.telco.storage.Timestamps;
import org.telco.traffic.CardId;
import org.telco.traffic.PurchaseId;
import org.telco.traffic.PurchaseStep;
import org.telco.traffic.PurchaseStore;
import org.telco.traffic.TrafficPurchase;
import org.telco.traffic.VoidReason;

/**
 * The durable {@link PurchaseStore}: tables {@code traffic_purchase} and {@code
 * traffic_purchase_step} (V019).
 *
 * <p>It behaves like {@link org.telco.traffic.InMemoryPurchaseStore}, with the database deciding
 * the races. An open is an {@code INSERT ... ON CONFLICT DO NOTHING}; a refused one reads the row a
 * rival stored and compares it. A step or a void is an {@code UPDATE ... WHERE step = ?} that
 * counts the purchase's steps, and its history row is written in the same transaction, numbered by
 * that count; of a step and a void racing from one step, the one that waits finds the step changed
 * and writes nothing.
 */
public final class PgPurchaseStore implements PurchaseStore {
  private static final String OPEN =
      """
      INSERT INTO traffic_purchase (id, msisdn, product_id, price_fen, step, void_reason,
        card_id, created_at, expires_at, updated_at, steps)
      VALUES (?, ?, ?, ?, 'PRE_AUTHENTICATED', NULL, ?, ?, ?, ?, 1)
      ON CONFLICT DO NOTHING
      """;
  private static final String FIND =
      "SELECT %s FROM traffic_purchase WHERE id = ?".formatted(PURCHASE_COLUMNS);
  private static final String ADVANCE =
      """
      UPDATE traffic_purchase SET step = ?, card_id = coalesce(?, card_id), updated_at = ?,
        steps = steps + 1
      WHERE id = ? AND step = ?
      RETURNING steps
      """;
  private static final String VOID =
      """
      UPDATE traffic_purchase SET step = 'VOIDED', void_reason = ?, updated_at = ?,
        steps = steps + 1
      WHERE id = ? AND step = ?
      RETURNING steps
      """;
  private static final String STEP =
      """
      INSERT INTO traffic_purchase_step (purchase_id, seq, step, at, detail)
      VALUES (?, ?, ?, ?, ?)
      """;
  private static final String STEPS =
      "SELECT step, at, detail FROM traffic_purchase_step WHERE purchase_id = ? ORDER BY seq";
  private static final String ABANDONED =
      """
      SELECT %s FROM traffic_purchase
      WHERE step NOT IN ('DEDUCTION_CONFIRMED', 'VOIDED') AND expires_at <= ?
      ORDER BY expires_at, id COLLATE "C" LIMIT ?
      """
          .formatted(PURCHASE_COLUMNS);

  private final Transactions db;

  /** A store on the migrated database behind {@code dataSource}. */
  public PgPurchaseStore(DataSource dataSource) {
    this.db = new Transactions(dataSource);
  }

  @Override
  public Opening open(TrafficPurchase purchase) {
    if (purchase.step() != PurchaseStep.PRE_AUTHENTICATED) {
      throw new IllegalArgumentException("a purchase opens at PRE_AUTHENTICATED");
    }
    return db.inTransaction(
        "open purchase " + purchase.id(),
        connection -> {
          int inserted =
              Transactions.update(
                  connection,
                  OPEN,
                  s -> {
                    s.setString(1, purchase.id().value());
                    s.setString(2, purchase.msisdn().digits());
                    s.setString(3, purchase.productId().value());
                    s.setLong(4, purchase.priceFen());
                    s.setString(5, purchase.cardId() == null ? null : purchase.cardId().value());
                    Timestamps.set(s, 6, purchase.createdAt());
                    Timestamps.set(s, 7, purchase.expiresAt());
                    Timestamps.set(s, 8, purchase.updatedAt());
                  });
          if (inserted == 0) {
            TrafficPurchase stored = find(connection, purchase.id()).orElseThrow();
            return stored.sameRequestAs(purchase) ? Opening.REPLAYED : Opening.CONFLICT;
          }
          record(
              connection,
              purchase.id(),
              1,
              PurchaseStep.PRE_AUTHENTICATED,
              purchase.createdAt(),
              "");
          return Opening.OPENED;
        });
  }

  @Override
  public Optional<TrafficPurchase> find(PurchaseId id) {
    return db.autoCommit("read purchase " + id, c -> find(c, id));
  }

  private static Optional<TrafficPurchase> find(Connection connection, PurchaseId id)
      throws SQLException {
    return Transactions.list(
            connection, FIND, s -> s.setString(1, id.value()), TrafficRows::purchase)
        .stream()
        .findFirst();
  }

  @Override
  public boolean advance(PurchaseId id, PurchaseStep from, Instant at, CardId cardId) {
    if (from.isFinal()) {
      return false;
    }
    PurchaseStep to = from.next();
    return db.inTransaction(
        "advance purchase " + id,
        connection -> {
          List<Integer> steps =
              Transactions.list(
                  connection,
                  ADVANCE,
                  s -> {
                    s.setString(1, to.name());
                    if (cardId == null) {
                      s.setNull(2, Types.VARCHAR);
                    } else {
                      s.setString(2, cardId.value());
                    }
                    Timestamps.set(s, 3, at);
                    s.setString(4, id.value());
                    s.setString(5, from.name());
                  },
                  r -> r.getInt(1));
          if (steps.isEmpty()) {
            return false;
          }
          String detail = cardId == null ? "" : "card " + cardId.value();
          record(connection, id, steps.getFirst(), to, at, detail);
          return true;
        });
  }

  @Override
  public boolean voidAt(PurchaseId id, PurchaseStep from, VoidReason reason, Instant at) {
    if (from.isFinal()) {
      return false;
    }
    return db.inTransaction(
        "void purchase " + id,
        connection -> {
          List<Integer> steps =
              Transactions.list(
                  connection,
                  VOID,
                  s -> {
                    s.setString(1, reason.name());
                    Timestamps.set(s, 2, at);
                    s.setString(3, id.value());
                    s.setString(4, from.name());
                  },
                  r -> r.getInt(1));
          if (steps.isEmpty()) {
            return false;
          }
          record(connection, id, steps.getFirst(), PurchaseStep.VOIDED, at, reason.code());
          return true;
        });
  }

  /** Writes the history row of the purchase's {@code count}th step. */
  private static void record(
      Connection connection, PurchaseId id, int count, PurchaseStep step, Instant at, String detail)
      throws SQLException {
    Transactions.update(
        connection,
        STEP,
        s -> {
          s.setString(1, id.value());
          s.setInt(2, count - 1);
          s.setString(3, step.name());
          Timestamps.set(s, 4, at);
          s.setString(5, detail);
        });
  }

  @Override
  public List<StepRecord> steps(PurchaseId id) {
    return db.list(
        "read the steps of purchase " + id,
        STEPS,
        s -> s.setString(1, id.value()),
        r ->
            new StepRecord(
                PurchaseStep.valueOf(r.getString(1)), Timestamps.read(r, 2), r.getString(3)));
  }

  @Override
  public List<TrafficPurchase> abandoned(Instant now, int limit) {
    return db.list(
        "list the purchases abandoned by " + now,
        ABANDONED,
        s -> {
          Timestamps.set(s, 1, now);
          s.setInt(2, limit);
        },
        TrafficRows::purchase);
  }
}
