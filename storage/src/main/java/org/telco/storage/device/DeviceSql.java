package org.telco.storage.device;

import static org.telco.storage.device.DeviceRows.BINDING_COLUMNS;
import static org.telco.storage.device.DeviceRows.DEVICE_COLUMNS;
import static org.telco.storage.device.DeviceRows.PURCHASE_COLUMNS;

/** The statements of {@link PgDeviceStore}, apart so the store reads as what it does. */
final class DeviceSql {
  static final String REGISTER =
      """
      INSERT INTO device (id, data_sim, credential, registered_at) VALUES (?, ?, ?, ?)
      ON CONFLICT DO NOTHING
      """;
  static final String DEVICE =
      """
      SELECT %s FROM device d
      LEFT JOIN binding b ON b.device_id = d.id AND b.state = 'ACTIVE'
      WHERE d.id = ?
      """
          .formatted(DEVICE_COLUMNS);
  static final String BINDING_BY_ID =
      "SELECT %s FROM binding WHERE id = ?".formatted(BINDING_COLUMNS);
  static final String BINDING_BY_TOKEN =
      "SELECT %s FROM binding WHERE token_hash = ?".formatted(BINDING_COLUMNS);
  static final String PAID_BY =
      "SELECT %s FROM binding WHERE payer = ? ORDER BY bound_at DESC, id LIMIT ?"
          .formatted(BINDING_COLUMNS);
  static final String ACTIVE_BINDING =
      "SELECT %s FROM binding WHERE device_id = ? AND state = 'ACTIVE'".formatted(BINDING_COLUMNS);
  static final String BIND =
      """
      INSERT INTO binding (%s)
      SELECT ?::text, ?::text, ?::text, ?::text, ?::text, ?::timestamptz, ?::text, ?::text,
             ?::text, ?::text, ?::timestamptz, ?::timestamptz, ?::text
      WHERE EXISTS (SELECT 1 FROM device WHERE id = ?)
      ON CONFLICT DO NOTHING
      """
          .formatted(BINDING_COLUMNS);
  static final String WHY_NOT_BOUND =
      """
      SELECT EXISTS (SELECT 1 FROM device WHERE id = ?),
             EXISTS (SELECT 1 FROM binding WHERE id = ? OR token_hash = ?)
      """;
  static final String REPLACE =
      """
      UPDATE binding SET (%1$s) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      WHERE id = ? AND (%1$s) IS NOT DISTINCT FROM (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """
          .formatted(BINDING_COLUMNS);
  static final String LOCK_DEVICE = "SELECT 1 FROM device WHERE id = ? FOR NO KEY UPDATE";
  static final String RECORD =
      "INSERT INTO device_purchase (%s) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
          .formatted(PURCHASE_COLUMNS);
  static final String PURCHASE =
      "SELECT %s FROM device_purchase WHERE device_id = ? AND id = ?".formatted(PURCHASE_COLUMNS);
  static final String SPENT =
      """
      SELECT coalesce(sum(amount_fen), 0)::bigint FROM device_purchase
      WHERE device_id = ? AND at >= ? AND at < ? AND charge <> 'DECLINED'
      """;
  static final String SETTLE =
      "UPDATE device_purchase SET charge = ? WHERE device_id = ? AND id = ? AND charge = 'PENDING'";
  static final String CHARGE = "SELECT charge FROM device_purchase WHERE device_id = ? AND id = ?";
  static final String ATTEMPT =
      """
      INSERT INTO bind_attempt (phone, device_id, sms_id, at, outcome, refusal)
      VALUES (?, ?, ?, ?, ?, ?)
      """;
  static final String ATTEMPTS = "SELECT count(*) FROM bind_attempt WHERE phone = ? AND at >= ?";

  private DeviceSql() {}
}
