package org.telco.porting.routing;

import java.util.Objects;
import org.telco.subscriber.Msisdn;

/**
 * One entry of the routing database's change stream, which the clearinghouse sends to every
 * operator. Versions are consecutive from 1 across all numbers, so a receiver that sees version n
 * after n - 2 knows it missed one. A number can port many times (the latest change wins) and can go
 * home to the operator whose range it belongs to, which removes its record.
 */
public sealed interface RoutingChange {
  /** Position in the change stream, from 1, with no holes. */
  long version();

  /** The number the change is about. */
  Msisdn msisdn();

  /**
   * The number now lives with {@code routing}'s recipient, whether it was never ported before or
   * moves on from an earlier recipient.
   *
   * @param version position in the change stream, at least 1
   * @param msisdn the ported number
   * @param routing the recipient and its routing number
   */
  record Ported(long version, Msisdn msisdn, Routing routing) implements RoutingChange {
    /** Rejects versions below 1 and missing parts. */
    public Ported {
      checkVersion(version);
      Objects.requireNonNull(msisdn, "msisdn");
      Objects.requireNonNull(routing, "routing");
    }
  }

  /**
   * The number went back to the operator whose number range it belongs to (a repatriation): it
   * needs no routing any more, so its record is removed. The range holder is not named because the
   * routing database only knows ported numbers; a port to the range holder is sent as this change.
   *
   * @param version position in the change stream, at least 1
   * @param msisdn the repatriated number
   */
  record Repatriated(long version, Msisdn msisdn) implements RoutingChange {
    /** Rejects versions below 1 and a missing number. */
    public Repatriated {
      checkVersion(version);
      Objects.requireNonNull(msisdn, "msisdn");
    }
  }

  private static void checkVersion(long version) {
    if (version < 1) {
      throw new IllegalArgumentException("routing change versions start at 1: " + version);
    }
  }
}
