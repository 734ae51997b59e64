package org.telco.storage.subscriber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.telco.subscriber.PlanFeeStore;
import org.telco.subscriber.PlanId;

/** The changed monthly fees in the {@code plan_fee} table, one row per changed plan. */
public final class PgPlanFeeStore implements PlanFeeStore {
  private static final String ALL = "SELECT plan_id, monthly_fee_fen FROM plan_fee";
  private static final String UPSERT =
      """
      INSERT INTO plan_fee (plan_id, monthly_fee_fen) VALUES (?, ?)
      ON CONFLICT (plan_id) DO UPDATE SET monthly_fee_fen = EXCLUDED.monthly_fee_fen
      """;

  private final DataSource dataSource;

  /** A store on the migrated database behind {@code dataSource}. */
  public PgPlanFeeStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Map<PlanId, Long> monthlyFeesFen() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(ALL);
        ResultSet rows = select.executeQuery()) {
      Map<PlanId, Long> fees = new HashMap<>();
      while (rows.next()) {
        fees.put(new PlanId(rows.getString(1)), rows.getLong(2));
      }
      return fees;
    } catch (SQLException e) {
      throw new SubscriberStoreFailure("cannot read the changed plan fees", e);
    }
  }

  @Override
  public void saveMonthlyFee(PlanId plan, long monthlyFeeFen) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
      upsert.setString(1, plan.value());
      upsert.setLong(2, monthlyFeeFen);
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new SubscriberStoreFailure("cannot store the fee of plan " + plan.value(), e);
    }
  }
}
