package org.telco.app.porting;

import java.util.List;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.TransferRejection;
import org.telco.ledger.TransferResult;
import org.telco.porting.PortingParties;
import org.telco.porting.SettlementAccounts;
import org.telco.subscriber.OperatorId;

/**
 * The compensation of a port as one transfer in the clearinghouse's ledger, between the operators'
 * prefunded settlement accounts ({@link SettlementAccounts}). The transfer id names the port, so a
 * retry after a crash moves the money once; a payer whose account does not cover it is refused by
 * the ledger's limit flag, and nothing moves.
 */
final class LedgerSettlement implements PortingParties.Settlement {
  private final SettlementAccounts accounts;
  private final ShardedLedger ledger;

  LedgerSettlement(SettlementAccounts accounts, ShardedLedger ledger) {
    this.accounts = accounts;
    this.ledger = ledger;
  }

  @Override
  public boolean compensate(String portId, OperatorId payer, OperatorId payee, long fen) {
    if (fen == 0) {
      return true; // nothing owed: the port goes on without a transfer
    }
    TransferResult result =
        ledger.submit(List.of(accounts.compensation(portId, payer, payee, fen))).join().getFirst();
    return switch (result) {
      case TransferResult.Accepted accepted -> true;
      case TransferResult.Rejected rejected
          when rejected.reason() == TransferRejection.EXCEEDS_CREDITS ->
          false;
      case TransferResult.Rejected rejected ->
          throw new IllegalStateException(
              "the ledger refused the compensation of " + portId + ": " + rejected.reason());
    };
  }
}
