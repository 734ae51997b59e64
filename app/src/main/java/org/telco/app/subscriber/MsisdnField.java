package org.telco.app.subscriber;

import org.telco.subscriber.Msisdn;
import org.telco.subscriber.Subscriber;
import org.telco.subscriber.SubscriberStore;
import org.telco.web.Problem;

/**
 * How every route reads a number from a path or a body and says that no subscriber has it, so the
 * problems read the same wherever a number is asked about.
 */
public final class MsisdnField {
  private MsisdnField() {}

  /**
   * The number in {@code raw}.
   *
   * @throws org.telco.web.ProblemException 400 naming {@code msisdn} when it is absent or malformed
   */
  public static Msisdn parse(String raw) {
    if (raw == null) {
      throw Problem.invalidField("msisdn", "msisdn is required").toException();
    }
    if (!Msisdn.isWellFormed(raw)) {
      throw Problem.invalidField(
              "msisdn",
              "msisdn must be "
                  + Msisdn.LENGTH_MIN
                  + "-"
                  + Msisdn.LENGTH_MAX
                  + " digits in international form, without +")
          .toException();
    }
    return new Msisdn(raw);
  }

  /**
   * The subscriber that {@code raw} (a path's number) names in {@code store}.
   *
   * @throws org.telco.web.ProblemException 400 naming {@code msisdn} when it is absent or
   *     malformed, 404 {@code subscriber-not-found} when nobody here has it
   */
  public static Subscriber subscriberIn(SubscriberStore store, String raw) {
    Msisdn msisdn = parse(raw);
    return store.find(msisdn).orElseThrow(() -> subscriberNotFound(msisdn.digits()));
  }

  /** The 404 problem for a number that is not a subscriber here. */
  public static RuntimeException subscriberNotFound(String msisdn) {
    return new Problem(
            404, "subscriber-not-found", "Not found", "no subscriber " + msisdn, "msisdn")
        .toException();
  }
}
