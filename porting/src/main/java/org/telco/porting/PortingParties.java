package org.telco.porting;

import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;

/**
 * What the clearinghouse needs from outside its own store while it runs a port (ports): the donor's
 * answer to a credit query, the move of the compensation between the operators' settlement
 * accounts, and the routing record. The app implements them over HTTP to the donor, the
 * clearinghouse's ledger and its routing database; tests implement them in memory.
 */
public final class PortingParties {
  private PortingParties() {}

  /** The donors, as the clearinghouse reaches them. */
  public interface Donors {
    /**
     * Asks {@code donor} for the credit information of {@code msisdn}.
     *
     * @throws DonorUnreachable when the donor did not answer; the port waits and is asked again
     */
    CreditAnswer creditQuery(OperatorId donor, Msisdn msisdn);

    /**
     * Confirms to the donor that the compensation of {@code settled} moved: the donor closes the
     * number as ported out and refunds what prepaid money it had. Safe to repeat.
     *
     * @throws DonorUnreachable when the donor did not answer; the confirmation is sent again
     */
    void confirmCompensation(PortRequest settled);
  }

  /** The donor's answer to a credit query. */
  public sealed interface CreditAnswer {
    /** The credit information: the port may go on. */
    record Report(CreditReport report) implements CreditAnswer {}

    /** The donor refuses the port (unknown number, porting lock, recent SIM swap). */
    record Refused(PortRejection reason) implements CreditAnswer {}
  }

  /** A party did not answer; what was asked may be asked again. */
  public static final class DonorUnreachable extends RuntimeException {
    /** Names the party and why. */
    public DonorUnreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The clearinghouse's settlement accounts. */
  public interface Settlement {
    /**
     * Moves {@code fen} from {@code payer}'s settlement account to {@code payee}'s, once per {@code
     * portId} however often it is asked (a retry answers as the first did).
     *
     * @return whether it moved (or had moved); false when the payer's prefunded account does not
     *     cover it, and nothing moved
     */
    boolean compensate(String portId, OperatorId payer, OperatorId payee, long fen);
  }

  /** The routing database. */
  public interface Routing {
    /**
     * Records that {@code msisdn} is now served by {@code recipient}, once per {@code portId}
     * however often it is asked, and has the change distributed to every operator.
     */
    void record(String portId, Msisdn msisdn, OperatorId recipient);
  }
}
