package org.telco.porting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.telco.ledger.AccountFlag;
import org.telco.ledger.AccountId;
import org.telco.ledger.Asset;
import org.telco.ledger.NewAccount;
import org.telco.ledger.TransferId;
import org.telco.ledger.TransferRequest;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.PurposeCode;
import org.telco.subscriber.SubscriberAccounts;
import org.telco.subscriber.TransferIds;

/**
 * The clearinghouse's ledger accounts for settling ports between operators. Each operator has a
 * settlement account it prefunds (DEBITS_MUST_NOT_EXCEED_CREDITS: the clearinghouse never lends),
 * and prefunding comes from one <b>prefunds received</b> account, whose debits are what the
 * operators paid in.
 *
 * <p>All of them are members of one account family ({@link #FAMILY}, from the range {@link
 * SubscriberAccounts} keeps for non-subscriber owners), so they live on one ledger shard and a
 * compensation between any two operators is one transfer. An operator's member is its place in
 * operators.json; the accounts are named {@code settlement:<operator>}, so a reordered file is
 * caught when the ledger refuses to reopen an account under another name.
 *
 * <p>Transfer ids: {@code prefund:<operator>:<id>} and {@code port-compensation:<port id>}, so a
 * retried prefunding or compensation moves the money once.
 */
public final class SettlementAccounts {
  /** The family of the settlement accounts. */
  public static final long FAMILY = 256;

  /** The member of the prefunds-received account. */
  public static final int PREFUNDS_RECEIVED = 255;

  private final List<OperatorId> operators;

  /**
   * The accounts of {@code operators}, in their operators.json order.
   *
   * @throws IllegalArgumentException for more than 255 operators or a repeated one
   */
  public SettlementAccounts(List<OperatorId> operators) {
    this.operators = List.copyOf(operators);
    if (this.operators.size() > PREFUNDS_RECEIVED
        || Set.copyOf(operators).size() != operators.size()) {
      throw new IllegalArgumentException("1-255 distinct operators: " + operators);
    }
  }

  /** The operators that have accounts. */
  public List<OperatorId> operators() {
    return operators;
  }

  /**
   * The settlement account of {@code operator}.
   *
   * @throws IllegalArgumentException when the operator has none
   */
  public AccountId of(OperatorId operator) {
    int index = operators.indexOf(Objects.requireNonNull(operator, "operator"));
    if (index < 0) {
      throw new IllegalArgumentException("no settlement account for " + operator);
    }
    return SubscriberAccounts.member(FAMILY, index);
  }

  /** The prefunds-received account. */
  public AccountId prefundsReceived() {
    return SubscriberAccounts.member(FAMILY, PREFUNDS_RECEIVED);
  }

  /** Every account, to open when the clearinghouse starts (reopening is harmless). */
  public List<NewAccount> accounts() {
    List<NewAccount> accounts = new ArrayList<>();
    accounts.add(new NewAccount(prefundsReceived(), Asset.CNY_FEN, Set.of(), "prefunds-received"));
    for (OperatorId operator : operators) {
      accounts.add(
          new NewAccount(
              of(operator),
              Asset.CNY_FEN,
              Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
              "settlement:" + operator.value()));
    }
    return accounts;
  }

  /** {@code operator} pays {@code fen} into its settlement account, under its own {@code id}. */
  public TransferRequest prefund(OperatorId operator, String id, long fen) {
    return TransferRequest.posted(
        TransferIds.of("prefund", operator.value(), id),
        prefundsReceived(),
        of(operator),
        fen,
        PurposeCode.SETTLEMENT_PREFUND.code());
  }

  /** The transfer id of a port's compensation. */
  public static TransferId compensationId(String portId) {
    return TransferIds.of("port-compensation", portId);
  }

  /** A port's compensation of {@code fen}, from the recipient's account to the donor's. */
  public TransferRequest compensation(
      String portId, OperatorId recipient, OperatorId donor, long fen) {
    return TransferRequest.posted(
        compensationId(portId),
        of(recipient),
        of(donor),
        fen,
        PurposeCode.PORT_COMPENSATION.code());
  }
}
