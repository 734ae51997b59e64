package org.telco.app.demo;

import static org.telco.app.demo.DemoSteps.await;
import static org.telco.app.demo.DemoSteps.quoted;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Flow F1, emergency credit in arrears, played against a running operator over HTTP. Two fresh
 * numbers without money reach their first monthly fee at local midnight and are barred; half an
 * hour later each is re-opened on an operator-funded advance, whose bill reaches the handset only
 * when the quiet hours end. The first number tops up, repays the advance and is fully re-opened;
 * the second lets the deadline pass, is barred again, and recovers in two top-ups. The operator's
 * totals come last.
 *
 * <p>Both numbers are made at the start because the simulated clock only moves forward, so one
 * timeline serves both stories. The figures each step expects follow from what the platform says
 * (the plan's fee, and the policy shown with {@code GET /emergency-credit/summary}), so an edited
 * {@code emergency-credit.json} changes the figures rather than failing the demo.
 */
public final class EmergencyCreditDemo {
  /** Exit status when every step observed what it expected. */
  public static final int OK = LifecycleDemo.OK;

  /** Exit status when a step observed something else. */
  public static final int FAILED = LifecycleDemo.FAILED;

  /** Exit status when the platform runs on the system clock. */
  public static final int NEEDS_SIMULATED_CLOCK = LifecycleDemo.NEEDS_SIMULATED_CLOCK;

  private static final String PLAN = "standard";
  private static final long TOP_UP = 3_000;
  private static final long PART = 400;
  private static final long REST = 2_000;
  private static final int DAY = 86_400;
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final PlatformClient api;
  private final PrintStream out;
  private final RandomGenerator random;
  private final DemoSteps steps;
  private final OperatorView operator;
  private long fee;
  private long amount;
  private Duration delay = Duration.ZERO;
  private Duration repayment = Duration.ZERO;
  private LocalTime morning = LocalTime.MIDNIGHT;
  private ZoneOffset offset = ZoneOffset.UTC;

  /** A demo against {@code api}, printing to {@code out}. */
  public EmergencyCreditDemo(PlatformClient api, PrintStream out, RandomGenerator random) {
    this.api = api;
    this.out = out;
    this.random = random;
    this.steps = new DemoSteps(out);
    this.operator = new OperatorView(api);
  }

  /**
   * Plays the scenario.
   *
   * @return {@link #OK}, {@link #FAILED} or {@link #NEEDS_SIMULATED_CLOCK}
   */
  public int play() {
    PlatformClient.Answer clock = api.post("/admin/clock/advance", "{\"seconds\":0}");
    if (clock.status() == 409) {
      out.println("The platform runs on the system clock; the demo needs to move time forward.");
      out.println("Start the platform with ./telco serve --clock simulated");
      return NEEDS_SIMULATED_CLOCK;
    }
    steps.check("the simulated clock answers", clock.status() == 200, "HTTP " + clock.status());
    readRules();
    out.println("\n1. Two fresh numbers on plan " + PLAN + ", no money on either");
    String payer = subscribe("who will top up");
    String debtor = subscribe("who will not");
    if (!steps.failed()) {
      Instant feeAt = barredAtFirstFee(payer, debtor);
      noAdvanceYet(payer, debtor);
      Instant deadline = advanced(payer, debtor);
      billInTheMorning(payer, feeAt);
      repaidByATopUp(payer);
      defaulted(debtor, deadline);
      recoveredLater(debtor);
    }
    summary();
    out.println(
        steps.failed() ? "\nSome steps did not go as expected." : "\nEvery step went as expected.");
    return steps.failed() ? FAILED : OK;
  }

  /** The plan's fee and the policy in force, which every figure of the story follows from. */
  private void readRules() {
    for (JsonNode plan : api.get("/plans").body()) {
      if (plan.path("id").asText().equals(PLAN)) {
        fee = plan.path("monthlyFeeFen").asLong();
      }
    }
    JsonNode policy = api.get("/emergency-credit/summary").body().path("policy");
    long byDefault = policy.path("defaultAmountFen").asLong();
    amount = policy.path("amountsByPlanFen").path(PLAN).asLong(byDefault);
    delay = Duration.ofMinutes(policy.path("delayMinutes").asLong());
    repayment = Duration.ofHours(policy.path("repaymentHours").asLong());
    String quiet = policy.path("quietHours").asText();
    if (quiet.indexOf('-') > 0) {
      morning = LocalTime.parse(quiet.substring(quiet.indexOf('-') + 1).strip());
    }
    steps.check(
        "the rules",
        fee > 0 && amount > 0 && delay.compareTo(Duration.ofMinutes(1)) > 0,
        ("plan %s costs %d fen a month; the advance is %d fen, %d minutes after the bar, to repay"
                + " within %d hours; advance SMS wait out the quiet hours %s")
            .formatted(PLAN, fee, amount, delay.toMinutes(), repayment.toHours(), quiet));
  }

  private String subscribe(String who) {
    for (int attempt = 0; attempt < 20; attempt++) {
      String msisdn = "86138" + String.format("%08d", random.nextInt(100_000_000));
      PlatformClient.Answer created =
          api.post(
              "/subscribers",
              "{\"msisdn\":\"%s\",\"planId\":\"%s\",\"servicePassword\":\"%s\"}"
                  .formatted(msisdn, PLAN, DemoSubscribers.SERVICE_PASSWORD));
      if (created.status() != 409) {
        steps.check(
            "subscribe " + msisdn + ", " + who,
            created.status() == 201,
            "HTTP %d, state %s, balance %s fen, first fee at %s"
                .formatted(
                    created.status(),
                    created.text("status"),
                    created.text("balanceFen"),
                    created.text("nextCycleAt")));
        return msisdn;
      }
    }
    steps.check("subscribe a free number", false, "every number tried was taken");
    return "";
  }

  /** Moves the clock to the first fee, which neither number can pay. */
  private Instant barredAtFirstFee(String payer, String debtor) {
    Instant feeAt = Instant.parse(operator.subscriber(payer).text("nextCycleAt"));
    offset = OperatorView.offsetOf(feeAt);
    out.println("\n2. The first fee falls due, a month later at local midnight");
    steps.check(
        "both numbers are billed at the same moment",
        feeAt.equals(Instant.parse(operator.subscriber(debtor).text("nextCycleAt"))),
        local(feeAt));
    moveTo(feeAt);
    for (String msisdn : List.of(payer, debtor)) {
      PlatformClient.Answer barred = operator.subscriber(msisdn);
      String status = operator.numberStatus(msisdn);
      steps.check(
          msisdn + " cannot pay it: barred for arrears",
          barred.text("status").equals("BARRED_ARREARS")
              && fen(barred, "dueFen") == fee
              && status.equals("RESTRICTED"),
          "state %s, balance %s fen, due %s fen, number status %s"
              .formatted(
                  barred.text("status"), barred.text("balanceFen"), barred.text("dueFen"), status));
    }
    return feeAt;
  }

  private void noAdvanceYet(String payer, String debtor) {
    Duration wait = delay.minusMinutes(1);
    out.println("\n3. " + wait.toMinutes() + " minutes later: still time to top up");
    moveBy(wait);
    for (String msisdn : List.of(payer, debtor)) {
      String state = operator.subscriber(msisdn).text("status");
      int advances = operator.advances(msisdn).size();
      steps.check(
          msisdn + " still barred, no advance",
          state.equals("BARRED_ARREARS") && advances == 0,
          "state " + state + ", " + advances + " advances");
    }
  }

  /**
   * One minute more: each number gets its advance and is open again. Its bill is written but waits
   * for the quiet hours to end.
   *
   * @return the second number's deadline
   */
  private Instant advanced(String payer, String debtor) {
    out.println("\n4. One minute more: the operator advances " + amount + " fen");
    moveBy(Duration.ofMinutes(1));
    long covered = Math.min(amount, fee);
    Instant deadline = Instant.EPOCH;
    for (String msisdn : List.of(payer, debtor)) {
      JsonNode advance = await(() -> operator.lastAdvance(msisdn), a -> !a.isMissingNode());
      deadline = Instant.parse(advance.path("deadline").asText(Instant.EPOCH.toString()));
      Instant granted = Instant.parse(advance.path("grantedAt").asText(Instant.EPOCH.toString()));
      steps.check(
          msisdn + " advance granted",
          advance.path("state").asText().equals("OUTSTANDING")
              && advance.path("amountFen").asLong() == amount
              && advance.path("coveredFen").asLong() == covered
              && deadline.equals(granted.plus(repayment)),
          "%s fen, %s fen of it paid the fee; repay by %s"
              .formatted(
                  advance.path("amountFen").asText(),
                  advance.path("coveredFen").asText(),
                  local(deadline)));
      PlatformClient.Answer open = operator.subscriber(msisdn);
      String status = operator.numberStatus(msisdn);
      steps.check(
          msisdn + " open again on emergency credit",
          open.text("status").equals("EMERGENCY_CREDIT")
              && fen(open, "dueFen") == fee - covered
              && status.equals("NORMAL"),
          "state %s, balance %s fen, still due %s fen, number status %s"
              .formatted(
                  open.text("status"), open.text("balanceFen"), open.text("dueFen"), status));
    }
    boolean barred = await(() -> operator.lineBarred(payer), b -> !b);
    steps.check("HLR line of " + payer, !barred, barred ? "barred" : "unbarred at once");
    String bill = operator.sms(payer, "Operator bill");
    steps.check(
        "no bill on the handset yet: SMS about advances wait for " + morning,
        bill.isEmpty(),
        quoted(bill));
    return deadline;
  }

  private void billInTheMorning(String payer, Instant feeAt) {
    out.println("\n5. " + morning + " local: the quiet hours are over");
    moveTo(feeAt.plusSeconds(morning.toSecondOfDay()));
    String bill = await(() -> operator.sms(payer, "Operator bill"), text -> !text.isEmpty());
    steps.check("the bill in " + payer + "'s inbox", !bill.isEmpty(), quoted(bill));
  }

  private void repaidByATopUp(String payer) {
    long due = fee - Math.min(amount, fee);
    out.println("\n6. " + payer + " tops up " + TOP_UP + " fen: the advance first, then the fee");
    PlatformClient.Answer paid = operator.pay(payer, "1", TOP_UP);
    steps.check(
        "top-up of " + TOP_UP + " fen",
        paid.status() == 201
            && paid.text("status").equals("ACTIVE")
            && fen(paid, "dueFen") == 0
            && fen(paid, "balanceFen") == TOP_UP - amount - due,
        describe(paid));
    JsonNode advance = operator.lastAdvance(payer);
    steps.check(
        "the advance",
        advance.path("state").asText().equals("REPAID")
            && advance.path("repaidFen").asLong() == amount,
        describe(advance));
    String sms = await(() -> operator.sms(payer, "fully re-opened"), text -> !text.isEmpty());
    steps.check("SMS to " + payer, !sms.isEmpty(), quoted(sms));
  }

  private void defaulted(String debtor, Instant deadline) {
    out.println("\n7. " + debtor + " pays nothing; the deadline passes at " + local(deadline));
    moveTo(deadline);
    JsonNode advance =
        await(
            () -> operator.lastAdvance(debtor), a -> a.path("state").asText().equals("DEFAULTED"));
    steps.check(
        "the advance",
        advance.path("state").asText().equals("DEFAULTED")
            && advance.path("owedFen").asLong() == amount,
        describe(advance));
    PlatformClient.Answer barred = operator.subscriber(debtor);
    String status = operator.numberStatus(debtor);
    steps.check(
        debtor + " barred again",
        barred.text("status").equals("BARRED_ARREARS") && status.equals("RESTRICTED"),
        "state %s, due %s fen, number status %s"
            .formatted(barred.text("status"), barred.text("dueFen"), status));
    Instant day = deadline.atOffset(offset).toLocalDate().atTime(morning).toInstant(offset);
    moveTo(day.isAfter(deadline) ? day : day.plusSeconds(DAY));
    String sms = await(() -> operator.sms(debtor, "barred again"), text -> !text.isEmpty());
    steps.check("SMS to " + debtor + " when the quiet hours end", !sms.isEmpty(), quoted(sms));
  }

  private void recoveredLater(String debtor) {
    long due = fee - Math.min(amount, fee);
    out.println("\n   " + debtor + " tops up " + PART + " fen, then " + REST + " fen");
    PlatformClient.Answer part = operator.pay(debtor, "1", PART);
    steps.check(
        "top-up of " + PART + " fen repays part of the debt",
        part.status() == 201 && part.text("status").equals("BARRED_ARREARS"),
        describe(part));
    JsonNode owing = operator.lastAdvance(debtor);
    steps.check(
        "the advance",
        owing.path("state").asText().equals("DEFAULTED")
            && owing.path("owedFen").asLong() == amount - PART,
        describe(owing));
    String note = await(() -> operator.sms(debtor, "still owed"), text -> !text.isEmpty());
    steps.check("SMS to " + debtor, !note.isEmpty(), quoted(note));
    PlatformClient.Answer rest = operator.pay(debtor, "2", REST);
    steps.check(
        "top-up of " + REST + " fen recovers the rest, then pays the fee",
        rest.status() == 201
            && rest.text("status").equals("ACTIVE")
            && fen(rest, "dueFen") == 0
            && fen(rest, "balanceFen") == PART + REST - amount - due,
        describe(rest));
    JsonNode recovered = operator.lastAdvance(debtor);
    steps.check(
        "the advance",
        recovered.path("state").asText().equals("RECOVERED")
            && recovered.path("owedFen").asLong() == 0,
        describe(recovered));
    String sms = await(() -> operator.sms(debtor, "in service again"), text -> !text.isEmpty());
    steps.check("SMS to " + debtor, !sms.isEmpty(), quoted(sms));
  }

  private void summary() {
    out.println("\n8. The operator's emergency credit: GET /api/v1/emergency-credit/summary");
    PlatformClient.Answer summary = api.get("/emergency-credit/summary");
    out.println("  " + summary.body().toPrettyString().replace("\n", "\n  "));
    long advanced = fen(summary, "advancedFen");
    long accounted =
        fen(summary, "repaidFen") + fen(summary, "outstandingFen") + fen(summary, "defaultedFen");
    steps.check(
        "advanced = repaid + outstanding + defaulted",
        summary.status() == 200
            && advanced == accounted
            && summary.body().path("advances").asLong() >= 2,
        advanced + " = " + accounted + " fen");
  }

  private void moveBy(Duration step) {
    moveTo(operator.now().plus(step));
  }

  /** Moves the simulated clock to {@code target}; the node fires what fell due before answering. */
  private void moveTo(Instant target) {
    Instant from = operator.now();
    long seconds = Math.max(0, Duration.between(from, target).plusNanos(999_999_999).toSeconds());
    PlatformClient.Answer moved = api.post("/admin/clock/advance", "{\"seconds\":" + seconds + "}");
    if (moved.status() == 200) {
      out.printf(
          "  ... the clock moves %s to %s%n",
          human(Duration.ofSeconds(seconds)), local(Instant.parse(moved.text("now"))));
    } else {
      steps.check("move the clock to " + target, false, "HTTP " + moved.status());
    }
  }

  private static long fen(PlatformClient.Answer answer, String field) {
    return answer.body().path(field).asLong(Long.MIN_VALUE);
  }

  private static String describe(PlatformClient.Answer paid) {
    return "HTTP %d, state %s, balance %s fen, due %s fen"
        .formatted(
            paid.status(), paid.text("status"), paid.text("balanceFen"), paid.text("dueFen"));
  }

  private static String describe(JsonNode advance) {
    return "%s, %s of %s fen repaid, %s fen owed"
        .formatted(
            advance.path("state").asText(),
            advance.path("repaidFen").asText(),
            advance.path("amountFen").asText(),
            advance.path("owedFen").asText());
  }

  private String local(Instant at) {
    return MINUTE.format(at.atOffset(offset)) + " local (" + at + ")";
  }

  private static String human(Duration duration) {
    long days = duration.toDays();
    String hours = "%d h %02d min".formatted(duration.toHoursPart(), duration.toMinutesPart());
    return duration.toHours() == 0
        ? "+" + duration.toMinutes() + " min"
        : "+" + (days == 0 ? "" : days + (days == 1 ? " day " : " days ")) + hours;
  }
}
