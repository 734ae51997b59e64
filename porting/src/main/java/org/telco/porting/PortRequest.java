package org.telco.porting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;

/**
 * A request to move a number from its donor to a recipient, as the clearinghouse keeps it: the
 * parties, every state it reached with its time, and once the donor answered, the credit report.
 * Immutable; each step returns the request as it stands after, and the store replaces it only if it
 * still holds the one read (compare-and-set).
 *
 * @param id the recipient's id for it, its idempotency key
 * @param msisdn the number
 * @param donor the operator that serves it now
 * @param recipient the operator taking it
 * @param history the states reached, oldest first; the last is the current one
 * @param credit the donor's credit report; null before CREDIT_CHECKED
 */
public record PortRequest(
    String id,
    Msisdn msisdn,
    OperatorId donor,
    OperatorId recipient,
    List<PortStep> history,
    CreditReport credit) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /** Checks the fields and that the history is a path the states allow. */
  public PortRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(msisdn, "msisdn");
    Objects.requireNonNull(donor, "donor");
    Objects.requireNonNull(recipient, "recipient");
    history = List.copyOf(history);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a port id is 1-64 of A-Za-z0-9._:-: " + id);
    }
    if (donor.equals(recipient)) {
      throw new IllegalArgumentException("a number ports to another operator");
    }
    if (history.isEmpty() || history.getFirst().state() != PortState.REQUESTED) {
      throw new IllegalArgumentException("a port request begins REQUESTED");
    }
    for (int i = 1; i < history.size(); i++) {
      if (!history.get(i - 1).state().mayMoveTo(history.get(i).state())) {
        throw new IllegalArgumentException("no step from " + history.get(i - 1).state());
      }
    }
    if (credit != null && !credit.msisdn().equals(msisdn)) {
      throw new IllegalArgumentException("the credit report is of another number");
    }
  }

  /** Whether {@code id} would make a valid port id; the web layer checks it first. */
  public static boolean isWellFormedId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** A new request, REQUESTED at {@code at}. */
  public static PortRequest requested(
      String id, Msisdn msisdn, OperatorId donor, OperatorId recipient, Instant at) {
    return new PortRequest(
        id, msisdn, donor, recipient, List.of(new PortStep(PortState.REQUESTED, at, null)), null);
  }

  /** Where it stands. */
  public PortState state() {
    return history.getLast().state();
  }

  /** When it reached {@code state}, if it did. */
  public Optional<Instant> reachedAt(PortState state) {
    return history.stream().filter(s -> s.state() == state).map(PortStep::at).findFirst();
  }

  /** Why it ended without a port, if it did. */
  public Optional<PortRejection> rejection() {
    return Optional.ofNullable(history.getLast().rejection());
  }

  /**
   * The request one step on.
   *
   * @throws IllegalStateException when the states do not allow the step
   */
  public PortRequest moveTo(PortState next, Instant at) {
    return append(new PortStep(next, at, null), credit);
  }

  /** The request with the donor's {@code report}, CREDIT_CHECKED at {@code at}. */
  public PortRequest creditChecked(CreditReport report, Instant at) {
    Objects.requireNonNull(report, "report");
    return append(new PortStep(PortState.CREDIT_CHECKED, at, null), report);
  }

  /** The request ended without a port for {@code why}: EXPIRED when TIMED_OUT, else REJECTED. */
  public PortRequest end(PortRejection why, Instant at) {
    PortState ending = why == PortRejection.TIMED_OUT ? PortState.EXPIRED : PortState.REJECTED;
    return append(new PortStep(ending, at, why), credit);
  }

  /**
   * Whether {@code later} is this request with steps added: the same id and parties, and this
   * history as the start of its own. A store replaces a request only by such a successor.
   */
  public boolean isFollowedBy(PortRequest later) {
    return id.equals(later.id)
        && msisdn.equals(later.msisdn)
        && donor.equals(later.donor)
        && recipient.equals(later.recipient)
        && later.history.size() > history.size()
        && later.history.subList(0, history.size()).equals(history);
  }

  /** What the recipient pays the donor; 0 before the credit report. */
  public long compensationFen() {
    return credit == null ? 0 : credit.compensationFen();
  }

  private PortRequest append(PortStep step, CreditReport report) {
    if (!state().mayMoveTo(step.state())) {
      throw new IllegalStateException(id + " cannot go from " + state() + " to " + step.state());
    }
    if (step.at().isBefore(history.getLast().at())) {
      throw new IllegalArgumentException("a step comes after the one before it");
    }
    List<PortStep> next = new ArrayList<>(history);
    next.add(step);
    return new PortRequest(id, msisdn, donor, recipient, next, report);
  }
}
