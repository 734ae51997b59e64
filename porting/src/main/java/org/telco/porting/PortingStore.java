package org.telco.porting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;

/**
 * What the clearinghouse keeps of ports (port): the donors' deposits, the wrong results per number,
 * and the port requests. {@link InMemoryPortingStore} is the reference implementation; a durable
 * one passes the same contract suite. The store, not its caller, decides the races that matter: a
 * deposit is used by one verification, a number has one open request, and a request moves by
 * compare-and-set.
 */
public interface PortingStore {
  /** What {@link #create} did. */
  enum Creation {
    /** Stored. */
    CREATED,
    /** A request with this id exists; the first one stays (the caller reads it: a retry). */
    ID_TAKEN,
    /** The number has an open request (not COMPLETED, REJECTED or EXPIRED) under another id. */
    NUMBER_BUSY
  }

  /** Keeps {@code deposit} as the number's latest, replacing an earlier one, used or not. */
  void deposit(Deposit deposit);

  /** The number's latest deposit. */
  Optional<StoredDeposit> deposit(Msisdn msisdn);

  /**
   * Marks {@code deposit} used, if it is still the number's latest and unused: of two verifications
   * racing with the right result, one wins and the other finds it used.
   *
   * @return whether this call used it
   */
  boolean use(Deposit deposit);

  /** Keeps a wrong result for the number, at {@code at}. */
  void recordFailure(Msisdn msisdn, Instant at);

  /** How many wrong results the number had at or after {@code since}. */
  int failuresSince(Msisdn msisdn, Instant since);

  /**
   * Stores a new request (REQUESTED), unless its id is taken or its number has an open request.
   *
   * @throws IllegalArgumentException when {@code request} is not REQUESTED
   */
  Creation create(PortRequest request);

  /** The request with this id. */
  Optional<PortRequest> request(String id);

  /** The number's open request, if any. */
  Optional<PortRequest> openRequest(Msisdn msisdn);

  /**
   * Replaces a stored request by its next step, only if the stored one is still {@code before}
   * (compare-and-set).
   *
   * @return whether it was replaced
   * @throws IllegalArgumentException when {@code after} is not {@code before} with steps added
   */
  boolean replace(PortRequest before, PortRequest after);

  /** Requests in {@code state}, oldest first, up to {@code limit}: for recovery and expiry. */
  List<PortRequest> inState(PortState state, int limit);

  /**
   * Requests where {@code operator} is donor or recipient, newest first, up to {@code limit}: the
   * record an operator and the console read.
   */
  List<PortRequest> involving(OperatorId operator, int limit);

  /**
   * The number's requests where {@code operator} is donor or recipient, newest first, up to {@code
   * limit}: what an operator's console shows on the number's page, and nothing of other operators'
   * ports of it.
   */
  List<PortRequest> ofNumber(Msisdn msisdn, OperatorId operator, int limit);
}
