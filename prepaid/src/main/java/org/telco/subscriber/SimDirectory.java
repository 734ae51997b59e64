package org.telco.subscriber;

import java.util.Optional;

/**
 * Which SIM (IMSI) each number uses (port). One SIM per number and one number per SIM: a number
 * given a new SIM (a replacement card) lets the old one go, and a SIM already serving another
 * number is refused rather than moved, since taking a line from somebody is no provisioning mistake
 * to make silently. {@link InMemorySimDirectory} is the reference implementation; the PostgreSQL
 * one passes the same contract suite.
 */
public interface SimDirectory {
  /** What {@link #assign} did. */
  enum Assignment {
    /** The number now uses the SIM (its previous SIM, if any, is free). */
    ASSIGNED,
    /** The number already used this SIM; nothing changed. */
    UNCHANGED,
    /** The SIM serves another number; nothing changed. */
    TAKEN
  }

  /** Gives {@code msisdn} the SIM {@code imsi}. */
  Assignment assign(Msisdn msisdn, Imsi imsi);

  /** The number the SIM serves, if any. */
  Optional<Msisdn> numberOf(Imsi imsi);

  /** The SIM the number uses, if any. */
  Optional<Imsi> simOf(Msisdn msisdn);
}
