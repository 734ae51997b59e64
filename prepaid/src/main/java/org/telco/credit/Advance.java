package org.telco.credit;

import java.time.Instant;
import java.util.Objects;
import org.telco.subscriber.Msisdn;

/**
 * One emergency advance: what the operator lent a barred subscriber, what it covered, what has come
 * back and by when the rest must. Immutable; each step returns the advance as it stands after it,
 * so the store keeps the history of states through its versions.
 *
 * @param id unique: the number and the fee cycle whose bar it answered, such as {@code
 *     8613800000001:2026-02-15}
 * @param msisdn the subscriber
 * @param amountFen what was advanced
 * @param coveredFen what of it paid what was due when it was granted
 * @param repaidFen what has come back so far
 * @param grantedAt when it was granted
 * @param deadline when it must be repaid by
 * @param state where it stands
 * @param closedAt when it was repaid, defaulted or recovered; null while outstanding
 */
public record Advance(
    String id,
    Msisdn msisdn,
    long amountFen,
    long coveredFen,
    long repaidFen,
    Instant grantedAt,
    Instant deadline,
    AdvanceState state,
    Instant closedAt) {
  /** Checks amounts, times and that the state agrees with them. */
  public Advance {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(grantedAt, "grantedAt");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(state, "state");
    if (amountFen <= 0) {
      throw new IllegalArgumentException("an advance is positive: " + amountFen);
    }
    if (coveredFen < 0 || coveredFen > amountFen) {
      throw new IllegalArgumentException("covered must be 0.." + amountFen + ": " + coveredFen);
    }
    if (repaidFen < 0 || repaidFen > amountFen) {
      throw new IllegalArgumentException("repaid must be 0.." + amountFen + ": " + repaidFen);
    }
    if (!deadline.isAfter(grantedAt)) {
      throw new IllegalArgumentException("the deadline comes after the grant");
    }
    boolean settled = repaidFen == amountFen;
    if (settled != (state == AdvanceState.REPAID || state == AdvanceState.RECOVERED)) {
      throw new IllegalArgumentException(
          state + " with " + repaidFen + " of " + amountFen + " repaid");
    }
    if ((closedAt == null) != (state == AdvanceState.OUTSTANDING)) {
      throw new IllegalArgumentException("only an outstanding advance has no closing time");
    }
  }

  /** A new advance, nothing repaid yet. */
  public static Advance grant(
      String id, Msisdn msisdn, long amountFen, long coveredFen, Instant at, Instant deadline) {
    return new Advance(
        id, msisdn, amountFen, coveredFen, 0, at, deadline, AdvanceState.OUTSTANDING, null);
  }

  /** What is still owed. */
  public long owedFen() {
    return amountFen - repaidFen;
  }

  /**
   * The advance after {@code fen} more came back at {@code at}: REPAID when that settles it before
   * the default, RECOVERED when it settles a defaulted one.
   *
   * @throws IllegalArgumentException when {@code fen} is not 1..owed, or nothing is owed
   */
  public Advance repay(long fen, Instant at) {
    if (fen <= 0 || fen > owedFen()) {
      throw new IllegalArgumentException("repay 1.." + owedFen() + ", not " + fen);
    }
    long repaid = repaidFen + fen;
    if (repaid < amountFen) {
      return new Advance(
          id, msisdn, amountFen, coveredFen, repaid, grantedAt, deadline, state, closedAt);
    }
    AdvanceState settled =
        state == AdvanceState.DEFAULTED ? AdvanceState.RECOVERED : AdvanceState.REPAID;
    return new Advance(id, msisdn, amountFen, coveredFen, repaid, grantedAt, deadline, settled, at);
  }

  /**
   * The advance after its deadline passed unpaid.
   *
   * @throws IllegalStateException when it is not outstanding, or the deadline has not come
   */
  public Advance defaultAt(Instant at) {
    if (state != AdvanceState.OUTSTANDING) {
      throw new IllegalStateException(id + " is " + state + ", not outstanding");
    }
    if (at.isBefore(deadline)) {
      throw new IllegalStateException(id + " is due only at " + deadline);
    }
    return new Advance(
        id,
        msisdn,
        amountFen,
        coveredFen,
        repaidFen,
        grantedAt,
        deadline,
        AdvanceState.DEFAULTED,
        at);
  }
}
