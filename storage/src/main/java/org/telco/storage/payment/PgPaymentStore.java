package org.telco.storage.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.telco.payment.Payment;
import org.telco.payment.PaymentId;
import org.telco.payment.PaymentRejection;
import org.telco.payment.PaymentResult;
import org.telco.payment.PaymentStore;
import org.telco.payment.Refund;
import org.telco.payment.RefundId;
import org.telco.payment.RefundResult;

/**
 * The durable {@link PaymentStore}: tables {@code payment} and {@code refund}.
 *
 * <p>It behaves like {@link org.telco.payment.InMemoryPaymentStore}, with the database deciding
 * races: the payment id's primary key decides which of two concurrent payments is recorded, and a
 * refund first raises the payment's refunded total with a guarded update ({@code refunded_fen + ?
 * <= amount_fen}), which holds the payment row's lock until the refund row is written, so
 * concurrent refunds of one payment take turns and never add up to more than it. Instants are
 * truncated to the microsecond, as {@code timestamptz} keeps them. Safe for concurrent use.
 */
public final class PgPaymentStore implements PaymentStore {
  private static final String INSERT_PAYMENT =
      """
      INSERT INTO payment (id, msisdn, amount_fen, payer, channel, received_at)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO NOTHING
      """;
  private static final String ONE_PAYMENT =
      "SELECT %s FROM payment WHERE id = ?".formatted(PaymentRows.PAYMENT_COLUMNS);
  private static final String LOCK_PAYMENT =
      "SELECT %s FROM payment WHERE id = ? FOR UPDATE".formatted(PaymentRows.PAYMENT_COLUMNS);
  private static final String RAISE_REFUNDED =
      """
      UPDATE payment SET refunded_fen = refunded_fen + ?
      WHERE id = ? AND refunded_fen + ? <= amount_fen
      RETURNING %s
      """
          .formatted(PaymentRows.PAYMENT_COLUMNS);
  private static final String LOWER_REFUNDED =
      "UPDATE payment SET refunded_fen = refunded_fen - ? WHERE id = ?";
  private static final String INSERT_REFUND =
      """
      INSERT INTO refund (refund_id, payment_id, amount_fen, at) VALUES (?, ?, ?, ?)
      ON CONFLICT (payment_id, refund_id) DO NOTHING
      """;
  private static final String ONE_REFUND =
      "SELECT %s FROM refund WHERE payment_id = ? AND refund_id = ?"
          .formatted(PaymentRows.REFUND_COLUMNS);
  private static final String DELETE_REFUND =
      "DELETE FROM refund WHERE payment_id = ? AND refund_id = ? RETURNING amount_fen";
  private static final String REFUNDS =
      "SELECT %s FROM refund WHERE payment_id = ? ORDER BY seq"
          .formatted(PaymentRows.REFUND_COLUMNS);

  private final DataSource dataSource;

  /** A store on the migrated database behind {@code dataSource}. */
  public PgPaymentStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public PaymentResult record(Payment payment) {
    try (Connection connection = dataSource.getConnection()) {
      if (insert(connection, payment)) {
        return new PaymentResult.Accepted(
            new Payment(
                payment.id(),
                payment.msisdn(),
                payment.amountFen(),
                payment.payer(),
                payment.channel(),
                PaymentRows.micros(payment.receivedAt()),
                0),
            false);
      }
      Payment existing = payment(connection, ONE_PAYMENT, payment.id()).orElseThrow();
      return existing.sameRequestAs(payment)
          ? new PaymentResult.Accepted(existing, true)
          : new PaymentResult.Rejected(payment.id(), PaymentRejection.EXISTS_WITH_DIFFERENT_FIELDS);
    } catch (SQLException e) {
      throw new PaymentStoreFailure("cannot record payment " + payment.id(), e);
    }
  }

  private static boolean insert(Connection connection, Payment payment) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_PAYMENT)) {
      insert.setString(1, payment.id().value());
      insert.setString(2, payment.msisdn().digits());
      insert.setLong(3, payment.amountFen());
      insert.setString(4, payment.payer().id());
      insert.setString(5, payment.channel().name());
      insert.setObject(6, PaymentRows.utc(payment.receivedAt()));
      return insert.executeUpdate() == 1;
    }
  }

  @Override
  public Optional<Payment> find(PaymentId id) {
    try (Connection connection = dataSource.getConnection()) {
      return payment(connection, ONE_PAYMENT, id);
    } catch (SQLException e) {
      throw new PaymentStoreFailure("cannot read payment " + id, e);
    }
  }

  /**
   * One transaction: raise the refunded total if it stays within the payment (this takes the
   * payment row's lock), then write the refund row. When either step finds nothing to do, it rolls
   * back and explains why by reading the stored rows.
   */
  @Override
  public RefundResult addRefund(Refund refund) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Optional<Payment> raised = raise(connection, refund);
        if (raised.isPresent() && insert(connection, refund)) {
          connection.commit();
          return new RefundResult.Accepted(
              new Refund(
                  refund.refundId(),
                  refund.paymentId(),
                  refund.amountFen(),
                  PaymentRows.micros(refund.at())),
              raised.get(),
              false);
        }
        connection.rollback();
        RefundResult refused = explain(connection, refund);
        connection.commit();
        return refused;
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new PaymentStoreFailure("cannot refund payment " + refund.paymentId(), e);
    }
  }

  private static Optional<Payment> raise(Connection connection, Refund refund) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(RAISE_REFUNDED)) {
      update.setLong(1, refund.amountFen());
      update.setString(2, refund.paymentId().value());
      update.setLong(3, refund.amountFen());
      try (ResultSet rows = update.executeQuery()) {
        return rows.next() ? Optional.of(PaymentRows.payment(rows)) : Optional.empty();
      }
    }
  }

  private static boolean insert(Connection connection, Refund refund) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_REFUND)) {
      insert.setString(1, refund.refundId().value());
      insert.setString(2, refund.paymentId().value());
      insert.setLong(3, refund.amountFen());
      insert.setObject(4, PaymentRows.utc(refund.at()));
      return insert.executeUpdate() == 1;
    }
  }

  /** Why a refund was not added, in the store's precedence order. */
  private static RefundResult explain(Connection connection, Refund refund) throws SQLException {
    Optional<Payment> payment = payment(connection, ONE_PAYMENT, refund.paymentId());
    if (payment.isEmpty()) {
      return rejected(refund, PaymentRejection.PAYMENT_NOT_FOUND);
    }
    Optional<Refund> existing = refund(connection, refund.paymentId(), refund.refundId());
    if (existing.isPresent()) {
      return existing.get().sameRequestAs(refund)
          ? new RefundResult.Accepted(existing.get(), payment.get(), true)
          : rejected(refund, PaymentRejection.REFUND_EXISTS_WITH_DIFFERENT_FIELDS);
    }
    return rejected(refund, PaymentRejection.REFUND_EXCEEDS_PAYMENT);
  }

  /** Locks the payment first, as {@link #addRefund} does, so the two cannot deadlock. */
  @Override
  public boolean withdrawRefund(PaymentId paymentId, RefundId refundId) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        boolean withdrawn =
            payment(connection, LOCK_PAYMENT, paymentId).isPresent()
                && withdraw(connection, paymentId, refundId);
        connection.commit();
        return withdrawn;
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new PaymentStoreFailure("cannot withdraw refund " + refundId, e);
    }
  }

  private static boolean withdraw(Connection connection, PaymentId paymentId, RefundId refundId)
      throws SQLException {
    long amountFen;
    try (PreparedStatement delete = connection.prepareStatement(DELETE_REFUND)) {
      delete.setString(1, paymentId.value());
      delete.setString(2, refundId.value());
      try (ResultSet rows = delete.executeQuery()) {
        if (!rows.next()) {
          return false;
        }
        amountFen = rows.getLong(1);
      }
    }
    try (PreparedStatement update = connection.prepareStatement(LOWER_REFUNDED)) {
      update.setLong(1, amountFen);
      update.setString(2, paymentId.value());
      update.executeUpdate();
    }
    return true;
  }

  @Override
  public List<Refund> refunds(PaymentId paymentId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(REFUNDS)) {
      select.setString(1, paymentId.value());
      List<Refund> refunds = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          refunds.add(PaymentRows.refund(rows));
        }
      }
      return refunds;
    } catch (SQLException e) {
      throw new PaymentStoreFailure("cannot read the refunds of " + paymentId, e);
    }
  }

  private static Optional<Payment> payment(Connection connection, String sql, PaymentId id)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, id.value());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(PaymentRows.payment(rows)) : Optional.empty();
      }
    }
  }

  private static Optional<Refund> refund(
      Connection connection, PaymentId paymentId, RefundId refundId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(ONE_REFUND)) {
      select.setString(1, paymentId.value());
      select.setString(2, refundId.value());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(PaymentRows.refund(rows)) : Optional.empty();
      }
    }
  }

  private static RefundResult rejected(Refund refund, PaymentRejection reason) {
    return new RefundResult.Rejected(refund.refundId(), refund.paymentId(), reason);
  }

  /** Rolls back after a failure, keeping the failure as the one reported. */
  private static void rollback(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
