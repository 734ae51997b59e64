package org.telco.storage.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.telco.payment.Payer;
import org.telco.payment.Payment;
import org.telco.payment.PaymentChannel;
import org.telco.payment.PaymentId;
import org.telco.payment.Refund;
import org.telco.payment.RefundId;
import org.telco.subscriber.Msisdn;

/**
 * How payments and refunds map to rows: channels by name, instants as {@code timestamptz} truncated
 * to the microsecond, so what is stored reads back exactly.
 */
final class PaymentRows {
  /** The columns {@link #payment} reads, in order. */
  static final String PAYMENT_COLUMNS =
      "id, msisdn, amount_fen, payer, channel, received_at, refunded_fen";

  /** The columns {@link #refund} reads, in order. */
  static final String REFUND_COLUMNS = "refund_id, payment_id, amount_fen, at";

  private PaymentRows() {}

  /** Reads a payment from {@link #PAYMENT_COLUMNS}. */
  static Payment payment(ResultSet row) throws SQLException {
    return new Payment(
        new PaymentId(row.getString(1)),
        new Msisdn(row.getString(2)),
        row.getLong(3),
        new Payer(row.getString(4)),
        PaymentChannel.valueOf(row.getString(5)),
        row.getObject(6, OffsetDateTime.class).toInstant(),
        row.getLong(7));
  }

  /** Reads a refund from {@link #REFUND_COLUMNS}. */
  static Refund refund(ResultSet row) throws SQLException {
    return new Refund(
        new RefundId(row.getString(1)),
        new PaymentId(row.getString(2)),
        row.getLong(3),
        row.getObject(4, OffsetDateTime.class).toInstant());
  }

  /** The instant as PostgreSQL keeps it. */
  static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** The instant to bind, as PostgreSQL keeps it. */
  static OffsetDateTime utc(Instant instant) {
    return micros(instant).atOffset(ZoneOffset.UTC);
  }
}
