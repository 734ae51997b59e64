package org.telco.porting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.telco.concurrent.StripedLocks;
import org.telco.porting.PortingParties.CreditAnswer;
import org.telco.porting.PortingParties.DonorUnreachable;
import org.telco.porting.PortingParties.Donors;
import org.telco.porting.PortingParties.Routing;
import org.telco.porting.PortingParties.Settlement;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;

/**
 * The clearinghouse's side of a port (flow F4, docs/portability.md): it takes the donors' deposits,
 * verifies a recipient's request against them, relays the credit query to the donor, and on the
 * recipient's acceptance moves the compensation and records the routing.
 *
 * <p>Every call is safe to repeat and resumes where the request stands: a recipient that lost an
 * answer asks again under the same port id. The order within a step is what keeps the promises
 * across a crash. A deposit is used (compare-and-set) before the request is VERIFIED, so a result
 * is good once. The compensation moves, then the routing is recorded, then the request is SETTLED:
 * a crash in between leaves it ACCEPTED, and {@link #resume} (or the next call) does the rest
 * again, each part once by its port id, so the routing never changes without the money moving, and
 * the money never stays moved without the routing.
 */
public final class PortingDesk {
  /**
   * Locks taken per port id (striped) around every step from acceptance on, so that the recipient's
   * acceptance and the node's {@link #resume} never settle or confirm one port at the same time:
   * the loser of that race would otherwise answer the state the winner was still working on.
   */
  private static final int PORT_LOCK_STRIPES = 64;

  private final PortingStore store;
  private final VerificationPolicy policy;
  private final Donors donors;
  private final Settlement settlement;
  private final Routing routing;
  private final Clock clock;
  private final StripedLocks portLocks = new StripedLocks(PORT_LOCK_STRIPES);

  /** The desk over its store and the parties it calls. */
  public PortingDesk(
      PortingStore store,
      VerificationPolicy policy,
      Donors donors,
      Settlement settlement,
      Routing routing,
      Clock clock) {
    this.store = store;
    this.policy = policy;
    this.donors = donors;
    this.settlement = settlement;
    this.routing = routing;
    this.clock = clock;
  }

  /** What came of a call. */
  public sealed interface Answer {
    /** The request as it stands now; REJECTED and EXPIRED ones name why. */
    record Current(PortRequest request) implements Answer {}

    /** The number has another open request; this one was not stored. */
    record NumberBusy(PortRequest open) implements Answer {}

    /** The donor did not answer the credit query; ask again under the same id. */
    record DonorUnavailable(PortRequest request) implements Answer {}

    /** No request has this id, or it belongs to another recipient. */
    record Unknown(String portId) implements Answer {}

    /** The request is not at the step the call needs (accepting before the credit check). */
    record OutOfStep(PortRequest request) implements Answer {}
  }

  /**
   * Keeps the donor's result for a terminal's nonce, replacing any earlier one for the number.
   *
   * @return the deposit, with its expiry
   */
  public Deposit deposit(Msisdn msisdn, OperatorId donor, PortingNonce nonce, PortingProof proof) {
    Instant now = clock.instant();
    Deposit deposit = new Deposit(msisdn, donor, nonce, proof, now, policy.expiryOf(now));
    store.deposit(deposit);
    return deposit;
  }

  /**
   * The recipient's verification request: the number, its donor and the terminal's result. When it
   * matches, the donor is asked for the credit information, and the answer carries it.
   */
  public Answer verify(
      String portId, Msisdn msisdn, OperatorId donor, OperatorId recipient, PortingProof proof) {
    PortRequest requested =
        PortRequest.requested(portId, msisdn, donor, recipient, clock.instant());
    return switch (store.create(requested)) {
      case CREATED -> checkProof(requested, proof);
      case ID_TAKEN -> resumeVerification(portId, recipient);
      case NUMBER_BUSY ->
          store
              .openRequest(msisdn)
              .<Answer>map(Answer.NumberBusy::new)
              .orElseGet(() -> verify(portId, msisdn, donor, recipient, proof));
    };
  }

  private Answer resumeVerification(String portId, OperatorId recipient) {
    Optional<PortRequest> stored = ownedBy(portId, recipient);
    if (stored.isEmpty()) {
      return new Answer.Unknown(portId);
    }
    return stored.get().state() == PortState.VERIFIED
        ? askDonor(stored.get())
        : new Answer.Current(stored.get());
  }

  private Answer checkProof(PortRequest requested, PortingProof proof) {
    Instant now = clock.instant();
    Msisdn msisdn = requested.msisdn();
    Optional<StoredDeposit> stored =
        store.deposit(msisdn).filter(d -> d.deposit().donor().equals(requested.donor()));
    int failures = store.failuresSince(msisdn, policy.windowStart(now));
    Optional<PortRejection> fault =
        policy.judge(
            stored.map(StoredDeposit::deposit),
            stored.map(StoredDeposit::used).orElse(false),
            failures,
            proof,
            now);
    if (fault.isEmpty() && !store.use(stored.orElseThrow().deposit())) {
      fault = Optional.of(PortRejection.PROOF_REPLAYED); // a rival verification used it first
    }
    if (fault.isPresent()) {
      if (fault.get() == PortRejection.WRONG_PROOF) {
        store.recordFailure(msisdn, now);
      }
      return end(requested, fault.get());
    }
    PortRequest verified = requested.moveTo(PortState.VERIFIED, clock.instant());
    return store.replace(requested, verified) ? askDonor(verified) : reread(requested.id());
  }

  private Answer askDonor(PortRequest verified) {
    CreditAnswer answer;
    try {
      answer = donors.creditQuery(verified.donor(), verified.msisdn());
    } catch (DonorUnreachable e) {
      return new Answer.DonorUnavailable(verified);
    }
    return switch (answer) {
      case CreditAnswer.Refused refused -> end(verified, refused.reason());
      case CreditAnswer.Report report -> {
        PortRequest checked = verified.creditChecked(report.report(), clock.instant());
        yield store.replace(verified, checked)
            ? new Answer.Current(checked)
            : reread(verified.id());
      }
    };
  }

  /**
   * The recipient accepts the port on the credit information: the compensation moves from its
   * settlement account to the donor's and the routing is recorded. A repeat, or a call on a request
   * left ACCEPTED by a crash, finishes the step.
   */
  public Answer accept(String portId, OperatorId recipient) {
    return portLocks.locked(portId, () -> acceptLocked(portId, recipient));
  }

  private Answer acceptLocked(String portId, OperatorId recipient) {
    Optional<PortRequest> stored = ownedBy(portId, recipient);
    if (stored.isEmpty()) {
      return new Answer.Unknown(portId);
    }
    PortRequest request = stored.get();
    return switch (request.state()) {
      case CREDIT_CHECKED -> {
        PortRequest accepted = request.moveTo(PortState.ACCEPTED, clock.instant());
        yield store.replace(request, accepted) ? settle(accepted) : acceptLocked(portId, recipient);
      }
      case ACCEPTED -> settle(request);
      case SETTLED, COMPLETED, REJECTED, EXPIRED -> new Answer.Current(request);
      case REQUESTED, VERIFIED -> new Answer.OutOfStep(request);
    };
  }

  /** The recipient declines the port on the credit information. */
  public Answer decline(String portId, OperatorId recipient) {
    Optional<PortRequest> stored = ownedBy(portId, recipient);
    if (stored.isEmpty()) {
      return new Answer.Unknown(portId);
    }
    return stored.get().state() == PortState.CREDIT_CHECKED
        ? end(stored.get(), PortRejection.DECLINED_BY_RECIPIENT)
        : new Answer.OutOfStep(stored.get());
  }

  private Answer settle(PortRequest accepted) {
    boolean paid =
        settlement.compensate(
            accepted.id(), accepted.recipient(), accepted.donor(), accepted.compensationFen());
    if (!paid) {
      return end(accepted, PortRejection.SETTLEMENT_REFUSED);
    }
    routing.record(accepted.id(), accepted.msisdn(), accepted.recipient());
    PortRequest settled = accepted.moveTo(PortState.SETTLED, clock.instant());
    return store.replace(accepted, settled) ? confirm(settled) : reread(accepted.id());
  }

  /**
   * Sends the donor the compensation confirmation; once it closed the number the port is COMPLETED.
   * A donor that does not answer leaves the port SETTLED, and {@link #resume} confirms again.
   */
  private Answer confirm(PortRequest settled) {
    try {
      donors.confirmCompensation(settled);
    } catch (DonorUnreachable e) {
      return new Answer.Current(settled);
    }
    return complete(settled.id(), settled.donor());
  }

  /**
   * The donor confirms it closed the number (after the compensation confirmation): the port is
   * COMPLETED. A repeat changes nothing.
   */
  public Answer complete(String portId, OperatorId donor) {
    return portLocks.locked(portId, () -> completeLocked(portId, donor));
  }

  private Answer completeLocked(String portId, OperatorId donor) {
    Optional<PortRequest> stored = store.request(portId).filter(r -> r.donor().equals(donor));
    if (stored.isEmpty()) {
      return new Answer.Unknown(portId);
    }
    PortRequest request = stored.get();
    if (request.state() != PortState.SETTLED) {
      return request.state() == PortState.COMPLETED
          ? new Answer.Current(request)
          : new Answer.OutOfStep(request);
    }
    PortRequest completed = request.moveTo(PortState.COMPLETED, clock.instant());
    return store.replace(request, completed) ? new Answer.Current(completed) : reread(portId);
  }

  /**
   * Finishes what a crash or a silent donor left half done (ACCEPTED requests: settle and record
   * again, each once; SETTLED ones: confirm to the donor again) and ends requests that waited
   * longer than {@code patience} before acceptance (EXPIRED).
   *
   * @return how many requests it moved
   */
  public int resume(Duration patience, int limit) {
    int moved = 0;
    for (PortRequest accepted : store.inState(PortState.ACCEPTED, limit)) {
      moved +=
          portLocks.locked(accepted.id(), () -> finish(accepted.id())) instanceof Answer.Current
              ? 1
              : 0;
    }
    for (PortRequest settled : store.inState(PortState.SETTLED, limit)) {
      moved +=
          portLocks.locked(settled.id(), () -> finish(settled.id())) instanceof Answer.Current c
                  && c.request().state() == PortState.COMPLETED
              ? 1
              : 0;
    }
    Instant cutoff = clock.instant().minus(patience);
    for (PortState waiting :
        List.of(PortState.REQUESTED, PortState.VERIFIED, PortState.CREDIT_CHECKED)) {
      for (PortRequest request : store.inState(waiting, limit)) {
        if (request.history().getFirst().at().isBefore(cutoff)) {
          moved += end(request, PortRejection.TIMED_OUT) instanceof Answer.Current ? 1 : 0;
        }
      }
    }
    return moved;
  }

  private Answer end(PortRequest request, PortRejection why) {
    PortRequest ended = request.end(why, clock.instant());
    return store.replace(request, ended) ? new Answer.Current(ended) : reread(request.id());
  }

  /**
   * Takes a port left ACCEPTED or SETTLED one step on, as it stands once its lock is held: the
   * recipient's own call may have finished it meanwhile.
   */
  private Answer finish(String portId) {
    PortRequest request = store.request(portId).orElseThrow();
    return switch (request.state()) {
      case ACCEPTED -> settle(request);
      case SETTLED -> confirm(request);
      default -> new Answer.OutOfStep(request);
    };
  }

  /** A rival moved the request meanwhile: answer with where it stands now. */
  private Answer reread(String portId) {
    return new Answer.Current(store.request(portId).orElseThrow());
  }

  private Optional<PortRequest> ownedBy(String portId, OperatorId recipient) {
    return store.request(portId).filter(r -> r.recipient().equals(recipient));
  }
}
