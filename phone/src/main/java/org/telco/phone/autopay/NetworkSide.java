package org.telco.phone.autopay;

import java.util.List;
import java.util.Optional;

/**
 * The network as the address-book agent uses it (port): the operators' partner APIs. {@link
 * HttpNetworkSide} talks to a running platform.
 */
public interface NetworkSide {
  /** The operator serving {@code msisdn}; empty when no operator's ranges hold it. */
  Optional<ServingOperator> operatorOf(String msisdn);

  /** The number's status at {@code operator}. */
  NumberStatus status(ServingOperator operator, String msisdn);

  /** The monthly fees of {@code operator}'s plans, in fen, in any order. */
  List<Long> planPrices(ServingOperator operator);

  /**
   * Pays {@code amountFen} to {@code msisdn} for {@code payer}. The id is the idempotency key: the
   * same id again pays nothing more and answers as the first time did. Returns once the network
   * holds the payment (new or replayed).
   *
   * @throws NetworkException when it was refused, or its outcome is unknown
   */
  void pay(ServingOperator operator, String paymentId, String msisdn, long amountFen, String payer);

  /**
   * Asks for the whole of a payment back, as its payer; asking again changes nothing.
   *
   * @return what was refunded of it, in fen
   */
  long refund(ServingOperator operator, String paymentId, String payer);
}
