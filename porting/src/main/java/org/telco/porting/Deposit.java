package org.telco.porting;

import java.time.Instant;
import java.util.Objects;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;

/**
 * The donor's own result for a terminal's nonce, left at the clearinghouse (the "pre-stored
 * result"): what the recipient's verification is compared with. Good for one verification and until
 * it expires; a newer deposit for the number replaces it.
 *
 * @param msisdn the number to port
 * @param donor the operator that serves it and computed the result
 * @param nonce the terminal's nonce it answers, kept for the record
 * @param proof the donor's result
 * @param depositedAt when the clearinghouse took it
 * @param expiresAt when it stops being good (exclusive)
 */
public record Deposit(
    Msisdn msisdn,
    OperatorId donor,
    PortingNonce nonce,
    PortingProof proof,
    Instant depositedAt,
    Instant expiresAt) {
  /** Requires every field, and an expiry after the deposit. */
  public Deposit {
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(donor, "donor");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(depositedAt, "depositedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (!expiresAt.isAfter(depositedAt)) {
      throw new IllegalArgumentException("a deposit expires after it is made");
    }
  }

  /** Whether it is still good at {@code now}. */
  public boolean isLiveAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
