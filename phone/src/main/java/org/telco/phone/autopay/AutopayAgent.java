package org.telco.phone.autopay;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The address-book agent of flow F2 (seed 001), number by number:
 *
 * <ol>
 *   <li>ask the network which operator serves the number, and its status there;
 *   <li>NORMAL: nothing to do; UNKNOWN: nobody's subscriber, nothing to pay;
 *   <li>RESTRICTED: pay the small preset amount and ask again. NORMAL now means it was barred for a
 *       small debt: pay the chosen amount. Still RESTRICTED: pay the operator's plan prices,
 *       smallest first, asking after each; the first that re-opens it is followed by the chosen
 *       amount;
 *   <li>still RESTRICTED after every plan price: the owner suspended the number on purpose, so
 *       everything paid to it in this run is asked back.
 * </ol>
 *
 * <p>Every payment is written to the {@link AutopayJournal} before it is sent, with an id made of
 * the run, the number and the step, so a run resumed after a crash sends the same ids and the
 * network pays each once. A payment that would take the number's or the run's total past its cap is
 * not made. A dry run asks and pays nothing.
 */
public final class AutopayAgent {
  private static final String PRESET = "preset";
  private static final String AMOUNT = "amount";

  private final NetworkSide network;
  private final AutopaySettings settings;
  private final AutopayJournal journal;

  /** An agent paying as {@code settings} say, logging to {@code journal}. */
  public AutopayAgent(NetworkSide network, AutopaySettings settings, AutopayJournal journal) {
    this.network = network;
    this.settings = settings;
    this.journal = journal;
  }

  /**
   * Handles every number in order, telling {@code progress} after each, and closes the run in the
   * journal when all are handled.
   */
  public List<NumberResult> run(List<String> msisdns, Consumer<NumberResult> progress) {
    List<NumberResult> results = new ArrayList<>(msisdns.size());
    for (String msisdn : msisdns) {
      NumberResult result = handle(msisdn);
      results.add(result);
      progress.accept(result);
    }
    if (!settings.dryRun() && !journal.hasUnanswered()) {
      journal.finish(); // else the next start resumes this run, and sends the same ids again
    }
    return results;
  }

  private NumberResult handle(String msisdn) {
    Optional<ServingOperator> serving;
    try {
      serving = network.operatorOf(msisdn);
    } catch (NetworkException e) {
      return result(msisdn, "-", Outcome.FAILED, e.getMessage());
    }
    if (serving.isEmpty()) {
      return result(msisdn, "-", Outcome.UNKNOWN_NUMBER, "no operator serves this number");
    }
    ServingOperator operator = serving.get();
    try {
      return handle(operator, msisdn);
    } catch (NetworkException e) {
      return result(msisdn, operator.operatorId(), Outcome.FAILED, e.getMessage());
    }
  }

  private NumberResult handle(ServingOperator operator, String msisdn) {
    List<JournalPayment> earlier = journal.paymentsTo(msisdn);
    return switch (network.status(operator, msisdn)) {
      case UNKNOWN ->
          result(msisdn, operator.operatorId(), Outcome.UNKNOWN_NUMBER, "not a subscriber");
      case NORMAL ->
          earlier.isEmpty()
              ? result(msisdn, operator.operatorId(), Outcome.ALREADY_NORMAL, "in service")
              : topUp(operator, msisdn, reopenedBy(earlier)); // a resumed run's number
      case RESTRICTED ->
          settings.dryRun()
              ? result(
                  msisdn,
                  operator.operatorId(),
                  Outcome.WOULD_PAY,
                  "restricted: would pay " + settings.presetFen() + " fen first")
              : restricted(operator, msisdn);
    };
  }

  /** The preset amount, then each plan price, until the number re-opens or all are tried. */
  private NumberResult restricted(ServingOperator operator, String msisdn) {
    List<String> steps = new ArrayList<>();
    steps.add(PRESET);
    for (long fee : new TreeSet<>(network.planPrices(operator))) {
      if (fee > 0) {
        steps.add("plan-" + fee);
      }
    }
    for (String step : steps) {
      long amount = step.equals(PRESET) ? settings.presetFen() : Long.parseLong(step.substring(5));
      Optional<String> capped = capped(msisdn, step, amount);
      if (capped.isPresent()) {
        return result(msisdn, operator.operatorId(), Outcome.CAP_REACHED, capped.get());
      }
      pay(operator, msisdn, step, amount);
      switch (network.status(operator, msisdn)) {
        case NORMAL -> {
          return topUp(
              operator,
              msisdn,
              step.equals(PRESET) ? Outcome.REOPENED : Outcome.REOPENED_AFTER_PLAN_PRICE);
        }
        case UNKNOWN -> {
          return result(
              msisdn, operator.operatorId(), Outcome.UNKNOWN_NUMBER, "left during the run");
        }
        case RESTRICTED -> {}
      }
    }
    List<String> unrefunded = new ArrayList<>();
    for (JournalPayment payment : journal.paymentsTo(msisdn)) {
      try {
        journal.refunded(
            payment.paymentId(), network.refund(operator, payment.paymentId(), settings.payer()));
      } catch (NetworkException e) {
        unrefunded.add(payment.paymentId() + " (" + e.getMessage() + ")");
      }
    }
    return result(
        msisdn,
        operator.operatorId(),
        Outcome.VOLUNTARILY_SUSPENDED,
        unrefunded.isEmpty()
            ? "still restricted after every plan price: refunded"
            : "still restricted after every plan price; not refunded: " + unrefunded);
  }

  /** The chosen amount, once the number is open again. */
  private NumberResult topUp(ServingOperator operator, String msisdn, Outcome reopened) {
    Optional<String> capped = capped(msisdn, AMOUNT, settings.amountFen());
    if (capped.isPresent()) {
      return result(
          msisdn, operator.operatorId(), Outcome.CAP_REACHED, "re-opened, but " + capped.get());
    }
    pay(operator, msisdn, AMOUNT, settings.amountFen());
    return result(msisdn, operator.operatorId(), reopened, "re-opened and topped up");
  }

  private void pay(ServingOperator operator, String msisdn, String step, long amount) {
    String id = id(msisdn, step);
    journal.intend(new JournalPayment(id, msisdn, operator.operatorId(), amount, step, false, 0));
    try {
      network.pay(operator, id, msisdn, amount, settings.payer());
    } catch (NetworkException e) {
      if (e.refused()) {
        journal.refused(id);
      }
      throw e;
    }
    journal.paid(id);
  }

  /**
   * Why paying {@code amount} more is not allowed, if it is not. A step this run already intended
   * (a resumed run sending it again) costs nothing more, so no cap stops it.
   */
  private Optional<String> capped(String msisdn, String step, long amount) {
    if (journal.paymentsTo(msisdn).stream().anyMatch(p -> p.paymentId().equals(id(msisdn, step)))) {
      return Optional.empty();
    }
    long toNumber = journal.paymentsTo(msisdn).stream().mapToLong(JournalPayment::amountFen).sum();
    if (toNumber + amount > settings.contactCapFen()) {
      return Optional.of(
          "paying "
              + amount
              + " fen more would pass the contact cap of "
              + settings.contactCapFen());
    }
    if (journal.committedFen() + amount > settings.runCapFen()) {
      return Optional.of(
          "paying " + amount + " fen more would pass the run cap of " + settings.runCapFen());
    }
    return Optional.empty();
  }

  /** The payment id of a step: the run, the number and the step, so a resumed run reuses it. */
  private String id(String msisdn, String step) {
    return "ap-" + journal.runId() + "-" + msisdn + "-" + step;
  }

  private static Outcome reopenedBy(List<JournalPayment> earlier) {
    return earlier.stream().anyMatch(p -> p.step().startsWith("plan-"))
        ? Outcome.REOPENED_AFTER_PLAN_PRICE
        : Outcome.REOPENED;
  }

  private NumberResult result(String msisdn, String operatorId, Outcome outcome, String note) {
    List<JournalPayment> payments = journal.paymentsTo(msisdn);
    long paid =
        payments.stream().filter(JournalPayment::landed).mapToLong(JournalPayment::amountFen).sum();
    long refunded = payments.stream().mapToLong(JournalPayment::refundedFen).sum();
    return new NumberResult(msisdn, operatorId, outcome, paid, refunded, note);
  }
}
