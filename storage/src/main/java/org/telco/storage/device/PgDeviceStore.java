package org.telco.storage.device;

import static org.telco.storage.device.DeviceRows.BINDING_WIDTH;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.telco.device.BindAttempt;
import org.telco.device.Binding;
import org.telco.device.Device;
import org.telco.device.DeviceId;
import org.telco.device.DeviceStore;
import org.telco.device.Purchase;
import org.telco.device.PurchaseCharge;
import org.telco.device.SpendCap;
import org.telco.device.TokenHash;
import org.telco.storage.Timestamps;
import org.telco.subscriber.Msisdn;

/**
 * The durable {@link DeviceStore}: tables {@code device}, {@code binding}, {@code device_purchase}
 * and {@code bind_attempt} (V015).
 *
 * <p>It behaves like {@link org.telco.device.InMemoryDeviceStore}, with the database deciding
 * races. A bind is an {@code INSERT ... SELECT} guarded by the device's existence, {@code ON
 * CONFLICT DO NOTHING}, which the primary key, the unique token hash and the partial unique index
 * {@code binding_one_active} all refuse, so of two binds racing for one device exactly one is
 * stored; a refusal is then told apart by a query of its own, which sees what the rival committed.
 * An unbind is a compare-and-set on every column of the binding as it was read. A purchase is
 * recorded under its device row's lock, once per device and id and within the month's cap; a retry
 * finds the stored row and compares it. Each call takes its own pooled connection, so the store is
 * safe for concurrent use.
 */
public final class PgDeviceStore implements DeviceStore {
  private final DataSource dataSource;

  /** A store on the migrated database behind {@code dataSource}. */
  public PgDeviceStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Registration register(Device device) {
    if (device.isBound()) {
      throw new IllegalArgumentException("a device is registered unbound: " + device.id());
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(DeviceSql.REGISTER)) {
      insert.setString(1, device.id().value());
      insert.setString(2, device.dataSim().digits());
      insert.setString(3, device.credential().encoded());
      Timestamps.set(insert, 4, device.registeredAt());
      return insert.executeUpdate() == 1 ? Registration.REGISTERED : Registration.ID_TAKEN;
    } catch (SQLException e) {
      throw new DeviceStoreFailure("cannot register device " + device.id(), e);
    }
  }

  @Override
  public Optional<Device> device(DeviceId id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(DeviceSql.DEVICE)) {
      select.setString(1, id.value());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(DeviceRows.device(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DeviceStoreFailure("cannot read device " + id, e);
    }
  }

  @Override
  public Optional<Binding> binding(String id) {
    return oneBinding(DeviceSql.BINDING_BY_ID, id);
  }

  @Override
  public Optional<Binding> bindingByToken(TokenHash hash) {
    return oneBinding(DeviceSql.BINDING_BY_TOKEN, hash.hex());
  }

  @Override
  public List<Binding> bindingsPaidBy(Msisdn payer, int limit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(DeviceSql.PAID_BY)) {
      select.setString(1, payer.digits());
      select.setInt(2, limit);
      List<Binding> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(DeviceRows.binding(rows));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new DeviceStoreFailure("cannot read the bindings paid by " + payer, e);
    }
  }

  @Override
  public Optional<Binding> activeBinding(DeviceId id) {
    return oneBinding(DeviceSql.ACTIVE_BINDING, id.value());
  }

  private Optional<Binding> oneBinding(String sql, String key) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, key);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(DeviceRows.binding(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DeviceStoreFailure("cannot read the binding of " + key, e);
    }
  }

  @Override
  public BindResult bind(Binding binding) {
    if (!binding.isActive()) {
      throw new IllegalArgumentException("only an active binding is bound: " + binding.id());
    }
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement insert = connection.prepareStatement(DeviceSql.BIND)) {
        DeviceRows.bind(insert, 1, binding);
        // An unknown device inserts nothing, rather than failing on the foreign key.
        insert.setString(BINDING_WIDTH + 1, binding.deviceId().value());
        if (insert.executeUpdate() == 1) {
          return BindResult.BOUND;
        }
      }
      return whyNotBound(connection, binding);
    } catch (SQLException e) {
      throw new DeviceStoreFailure("cannot bind " + binding.deviceId(), e);
    }
  }

  /**
   * Why an insert stored nothing, in the reference store's order. A statement of its own, after the
   * insert: it sees what a rival committed while the insert waited for it.
   */
  private static BindResult whyNotBound(Connection connection, Binding binding)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(DeviceSql.WHY_NOT_BOUND)) {
      select.setString(1, binding.deviceId().value());
      select.setString(2, binding.id());
      select.setString(3, binding.tokenHash().hex());
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        if (!rows.getBoolean(1)) {
          return BindResult.DEVICE_UNKNOWN;
        }
        return rows.getBoolean(2) ? BindResult.BINDING_TAKEN : BindResult.DEVICE_ALREADY_BOUND;
      }
    }
  }

  @Override
  public boolean unbind(Binding before, Binding after) {
    if (!before.id().equals(after.id())) {
      return false;
    }
    return replace(before, after);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The same compare-and-set as {@link #unbind}; the new hash is unique like every token hash.
   */
  @Override
  public boolean reissue(Binding before, Binding after) {
    if (!after.equals(before.withToken(after.tokenHash()))) {
      throw new IllegalArgumentException("a re-issue changes the token only: " + before.id());
    }
    return replace(before, after);
  }

  private boolean replace(Binding before, Binding after) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(DeviceSql.REPLACE)) {
      DeviceRows.bind(update, 1, after);
      update.setString(BINDING_WIDTH + 1, before.id());
      DeviceRows.bind(update, BINDING_WIDTH + 2, before);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new DeviceStoreFailure("cannot replace binding " + before.id(), e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>One transaction that first takes the device row's lock ({@code FOR NO KEY UPDATE}: it queues
   * the device's other purchases, not the foreign-key checks of other inserts), then reads a stored
   * purchase of the id, else sums the month and inserts. A rival that held the lock has committed
   * by the time the reads run, and each statement sees it.
   *
   * @throws DeviceStoreFailure when the database fails, or the purchase's device or binding is not
   *     stored (a bug in the caller, which charges only through a binding it read)
   */
  @Override
  public Recording record(Purchase purchase, SpendCap cap) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Recording recording = recordLocked(connection, purchase, cap);
        connection.commit();
        return recording;
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new DeviceStoreFailure("cannot record purchase " + purchase.id(), e);
    }
  }

  private static Recording recordLocked(Connection connection, Purchase purchase, SpendCap cap)
      throws SQLException {
    DeviceId deviceId = purchase.deviceId();
    try (PreparedStatement lock = connection.prepareStatement(DeviceSql.LOCK_DEVICE)) {
      lock.setString(1, deviceId.value());
      try (ResultSet rows = lock.executeQuery()) {
        rows.next();
      }
    }
    Optional<Purchase> stored = purchase(connection, deviceId, purchase.id());
    if (stored.isPresent()) {
      return stored.get().sameRequestAs(purchase) ? Recording.REPLAYED : Recording.CONFLICT;
    }
    YearMonth month = cap.monthOf(purchase.at());
    long spent = spentFen(connection, deviceId, cap.start(month), cap.end(month));
    if (Math.addExact(spent, purchase.amountFen()) > cap.monthlyFen()) {
      return Recording.OVER_CAP;
    }
    try (PreparedStatement insert = connection.prepareStatement(DeviceSql.RECORD)) {
      DeviceRows.bind(insert, purchase);
      insert.executeUpdate();
    }
    return Recording.RECORDED;
  }

  private static void rollback(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public boolean settle(DeviceId deviceId, String id, PurchaseCharge outcome) {
    if (outcome == PurchaseCharge.PENDING) {
      throw new IllegalArgumentException("a purchase is settled as CHARGED or DECLINED");
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(DeviceSql.SETTLE)) {
      update.setString(1, outcome.name());
      update.setString(2, deviceId.value());
      update.setString(3, id);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new DeviceStoreFailure("cannot settle purchase " + id + " of " + deviceId, e);
    }
  }

  @Override
  public Optional<PurchaseCharge> charge(DeviceId deviceId, String id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(DeviceSql.CHARGE)) {
      select.setString(1, deviceId.value());
      select.setString(2, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next()
            ? Optional.of(PurchaseCharge.valueOf(rows.getString(1)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DeviceStoreFailure("cannot read the charge of " + id + " of " + deviceId, e);
    }
  }

  @Override
  public Optional<Purchase> purchase(DeviceId deviceId, String id) {
    try (Connection connection = dataSource.getConnection()) {
      return purchase(connection, deviceId, id);
    } catch (SQLException e) {
      throw new DeviceStoreFailure("cannot read purchase " + id + " of " + deviceId, e);
    }
  }

  private static Optional<Purchase> purchase(Connection connection, DeviceId deviceId, String id)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(DeviceSql.PURCHASE)) {
      select.setString(1, deviceId.value());
      select.setString(2, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(DeviceRows.purchase(rows)) : Optional.empty();
      }
    }
  }

  /** Summed in the database over index {@code device_purchase_spent}. */
  @Override
  public long spentFen(DeviceId deviceId, Instant from, Instant until) {
    try (Connection connection = dataSource.getConnection()) {
      return spentFen(connection, deviceId, from, until);
    } catch (SQLException e) {
      throw new DeviceStoreFailure("cannot sum the purchases of " + deviceId, e);
    }
  }

  private static long spentFen(
      Connection connection, DeviceId deviceId, Instant from, Instant until) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(DeviceSql.SPENT)) {
      select.setString(1, deviceId.value());
      Timestamps.set(select, 2, from);
      Timestamps.set(select, 3, until);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  @Override
  public void recordAttempt(BindAttempt attempt) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(DeviceSql.ATTEMPT)) {
      insert.setString(1, attempt.phone().digits());
      insert.setString(2, attempt.deviceId().value());
      insert.setString(3, attempt.smsId());
      Timestamps.set(insert, 4, attempt.at());
      insert.setString(5, attempt.outcome().name());
      insert.setString(6, attempt.refusal() == null ? null : attempt.refusal().name());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new DeviceStoreFailure(
          "cannot record a DeviceSql.BIND attempt of " + attempt.phone(), e);
    }
  }

  @Override
  public int attemptsSince(Msisdn phone, Instant since) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(DeviceSql.ATTEMPTS)) {
      select.setString(1, phone.digits());
      Timestamps.set(select, 2, since);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return Math.toIntExact(rows.getLong(1));
      }
    } catch (SQLException e) {
      throw new DeviceStoreFailure("cannot count the DeviceSql.BIND attempts of " + phone, e);
    }
  }
}
