package org.telco.storage.device;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.telco.device.Binding;
import org.telco.device.BindingState;
import org.telco.device.Consent;
import org.telco.device.Device;
import org.telco.device.DeviceId;
import org.telco.device.Purchase;
import org.telco.device.TokenHash;
import org.telco.device.UnbindChannel;
import org.telco.storage.Timestamps;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.ServicePassword;

/**
 * How devices, bindings and purchases map to rows: enums by name, the credential as {@link
 * ServicePassword#encoded()}, instants as {@code timestamptz} truncated to the microsecond, so a
 * stored value reads back exactly and compares equal in the compare-and-set and replay checks.
 */
final class DeviceRows {
  /** The columns {@link #device} reads, the last the id of the ACTIVE binding (or NULL). */
  static final String DEVICE_COLUMNS = "d.id, d.data_sim, d.credential, d.registered_at, b.id";

  /**
   * The columns {@link #binding} reads and {@link #bind(PreparedStatement, int, Binding)} binds.
   */
  static final String BINDING_COLUMNS =
      "id, device_id, payer, token_hash, state, bound_at, consent_sms_id, consent_text,"
          + " consent_from, consent_to, consent_received_at, unbound_at, unbound_by";

  /** How many parameters a binding takes. */
  static final int BINDING_WIDTH = 13;

  /** The columns {@link #purchase} reads and {@link #bind(PreparedStatement, Purchase)} binds. */
  static final String PURCHASE_COLUMNS =
      "device_id, id, binding_id, payer, item, amount_fen, at, consent_sms_id";

  private DeviceRows() {}

  /** Reads a device from {@link #DEVICE_COLUMNS}. */
  static Device device(ResultSet row) throws SQLException {
    return new Device(
        new DeviceId(row.getString(1)),
        new Msisdn(row.getString(2)),
        ServicePassword.parse(row.getString(3)),
        Timestamps.read(row, 4),
        row.getString(5));
  }

  /** Reads a binding from {@link #BINDING_COLUMNS}. */
  static Binding binding(ResultSet row) throws SQLException {
    String unboundBy = row.getString(13);
    return new Binding(
        row.getString(1),
        new DeviceId(row.getString(2)),
        new Msisdn(row.getString(3)),
        new TokenHash(row.getString(4)),
        BindingState.valueOf(row.getString(5)),
        Timestamps.read(row, 6),
        new Consent(
            row.getString(7),
            row.getString(8),
            new Msisdn(row.getString(9)),
            row.getString(10),
            Timestamps.read(row, 11)),
        Timestamps.read(row, 12),
        unboundBy == null ? null : UnbindChannel.valueOf(unboundBy));
  }

  /** Binds every field of {@code binding} as {@link #BINDING_COLUMNS}, from {@code first} on. */
  static void bind(PreparedStatement statement, int first, Binding binding) throws SQLException {
    statement.setString(first, binding.id());
    statement.setString(first + 1, binding.deviceId().value());
    statement.setString(first + 2, binding.payer().digits());
    statement.setString(first + 3, binding.tokenHash().hex());
    statement.setString(first + 4, binding.state().name());
    Timestamps.set(statement, first + 5, binding.boundAt());
    Consent consent = binding.consent();
    statement.setString(first + 6, consent.smsId());
    statement.setString(first + 7, consent.text());
    statement.setString(first + 8, consent.from().digits());
    statement.setString(first + 9, consent.to());
    Timestamps.set(statement, first + 10, consent.receivedAt());
    Timestamps.set(statement, first + 11, binding.unboundAt());
    statement.setString(
        first + 12, binding.unboundBy() == null ? null : binding.unboundBy().name());
  }

  /** Reads a purchase from {@link #PURCHASE_COLUMNS}. */
  static Purchase purchase(ResultSet row) throws SQLException {
    return new Purchase(
        row.getString(2),
        new DeviceId(row.getString(1)),
        row.getString(3),
        new Msisdn(row.getString(4)),
        row.getString(5),
        row.getLong(6),
        Timestamps.read(row, 7),
        row.getString(8));
  }

  /** Binds every field of {@code purchase} as {@link #PURCHASE_COLUMNS}, from 1 on. */
  static void bind(PreparedStatement statement, Purchase purchase) throws SQLException {
    statement.setString(1, purchase.deviceId().value());
    statement.setString(2, purchase.id());
    statement.setString(3, purchase.bindingId());
    statement.setString(4, purchase.payer().digits());
    statement.setString(5, purchase.item());
    statement.setLong(6, purchase.amountFen());
    Timestamps.set(statement, 7, purchase.at());
    statement.setString(8, purchase.consentSmsId());
  }
}
