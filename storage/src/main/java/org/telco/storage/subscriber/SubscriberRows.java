package org.telco.storage.subscriber;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.telco.ledger.AccountId;
import org.telco.storage.Timestamps;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.PlanId;
import org.telco.subscriber.ServicePassword;
import org.telco.subscriber.StateChange;
import org.telco.subscriber.StateChangeReason;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberState;

/**
 * How subscribers and history entries map to rows: enums by name, the password as its encoded line,
 * instants as {@code timestamptz} truncated to the microsecond (as {@link
 * org.telco.storage.EpochMicros} does, so a stored instant reads back exactly).
 */
final class SubscriberRows {
  /** The columns {@link #subscriber} reads, in order. */
  static final String SUBSCRIBER_COLUMNS =
      "msisdn, operator_id, plan_id, state, service_password, money_account, arrears_account,"
          + " created_at, next_cycle_at, version";

  /** The columns {@link #change} reads, in order. */
  static final String CHANGE_COLUMNS = "msisdn, from_state, to_state, reason, at";

  private SubscriberRows() {}

  /** Reads a subscriber from {@link #SUBSCRIBER_COLUMNS}. */
  static Subscriber subscriber(ResultSet row) throws SQLException {
    return new Subscriber(
        new Msisdn(row.getString(1)),
        new OperatorId(row.getString(2)),
        new PlanId(row.getString(3)),
        SubscriberState.valueOf(row.getString(4)),
        ServicePassword.parse(row.getString(5)),
        new AccountId(row.getLong(6)),
        new AccountId(row.getLong(7)),
        Timestamps.read(row, 8),
        Timestamps.read(row, 9),
        row.getLong(10));
  }

  /** Reads a history entry from {@link #CHANGE_COLUMNS}. */
  static StateChange change(ResultSet row) throws SQLException {
    String from = row.getString(2);
    return new StateChange(
        new Msisdn(row.getString(1)),
        from == null ? null : SubscriberState.valueOf(from),
        SubscriberState.valueOf(row.getString(3)),
        StateChangeReason.valueOf(row.getString(4)),
        Timestamps.read(row, 5));
  }

  /** The instant as PostgreSQL will keep it. */
  static OffsetDateTime utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
