package org.telco.storage.porting;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.telco.porting.CreditReport;
import org.telco.porting.Deposit;
import org.telco.porting.PortRejection;
import org.telco.porting.PortRequest;
import org.telco.porting.PortState;
import org.telco.porting.PortStep;
import org.telco.porting.PortingNonce;
import org.telco.porting.PortingProof;
import org.telco.porting.StoredDeposit;
import org.telco.storage.Timestamps;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;

/**
 * Rows of the porting tables to records and back. Instants are kept to the microsecond, the
 * resolution of {@code timestamptz}.
 */
final class PortingRows {
  /** The columns {@link #deposit} reads. */
  static final String DEPOSIT_COLUMNS =
      "msisdn, donor, nonce, proof, deposited_at, expires_at, used";

  /** The columns {@link #request} reads before the history. */
  static final String REQUEST_COLUMNS =
      "id, msisdn, donor, recipient, arrears_fen, advances_fen, lock_in_until,"
          + " early_termination_fen, balance_fen, tenure_days";

  private PortingRows() {}

  static StoredDeposit deposit(ResultSet row) throws SQLException {
    Deposit deposit =
        new Deposit(
            new Msisdn(row.getString(1)),
            new OperatorId(row.getString(2)),
            new PortingNonce(row.getBytes(3)),
            new PortingProof(row.getBytes(4)),
            Timestamps.read(row, 5),
            Timestamps.read(row, 6));
    return new StoredDeposit(deposit, row.getBoolean(7));
  }

  /** A request from {@link #REQUEST_COLUMNS} and its history, oldest step first. */
  static PortRequest request(ResultSet row, List<PortStep> history) throws SQLException {
    Msisdn msisdn = new Msisdn(row.getString(2));
    CreditReport credit = null;
    if (row.getObject(5) != null) {
      credit =
          new CreditReport(
              msisdn,
              row.getLong(5),
              row.getLong(6),
              Timestamps.read(row, 7),
              row.getLong(8),
              row.getLong(9),
              row.getLong(10));
    }
    return new PortRequest(
        row.getString(1),
        msisdn,
        new OperatorId(row.getString(3)),
        new OperatorId(row.getString(4)),
        history,
        credit);
  }

  static PortStep step(ResultSet row) throws SQLException {
    String rejection = row.getString(3);
    return new PortStep(
        PortState.valueOf(row.getString(1)),
        Timestamps.read(row, 2),
        rejection == null ? null : PortRejection.valueOf(rejection));
  }

  /** Binds the credit report's six columns from {@code first} on; NULLs when there is none. */
  static void bindCredit(PreparedStatement statement, int first, CreditReport credit)
      throws SQLException {
    if (credit == null) {
      for (int i = 0; i < 6; i++) {
        statement.setNull(first + i, i == 2 ? Types.TIMESTAMP_WITH_TIMEZONE : Types.BIGINT);
      }
      return;
    }
    statement.setLong(first, credit.arrearsFen());
    statement.setLong(first + 1, credit.unpaidAdvancesFen());
    Timestamps.set(statement, first + 2, credit.lockInUntil());
    statement.setLong(first + 3, credit.earlyTerminationFen());
    statement.setLong(first + 4, credit.balanceFen());
    statement.setLong(first + 5, credit.tenureDays());
  }
}
