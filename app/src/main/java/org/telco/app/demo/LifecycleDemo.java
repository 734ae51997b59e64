package org.telco.app.demo;

import java.io.PrintStream;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The prepaid lifecycle of issue 3 played against a running operator over HTTP, step by step, each
 * with what it observed: subscribe, top up, cycles of fees until the number is barred for arrears
 * (RESTRICTED, the HLR line barred, an SMS), a third party's top-up that re-opens it, a voluntary
 * suspension and resume, a refund, and an unknown number. It needs the simulated clock, which it
 * moves forward cycle by cycle.
 */
public final class LifecycleDemo {
  /** Exit status when every step observed what it expected. */
  public static final int OK = 0;

  /** Exit status when a step observed something else. */
  public static final int FAILED = 1;

  /** Exit status when the platform runs on the system clock. */
  public static final int NEEDS_SIMULATED_CLOCK = 2;

  private static final long DAY = 86_400;
  private static final int CYCLES_MAX = 12;
  private static final String THIRD_PARTY = "8613900001234";
  private static final String UNKNOWN = "8613877770000";

  private final PlatformClient api;
  private final PrintStream out;
  private final RandomGenerator random;
  private boolean failed;
  private String msisdn;

  /** A demo against {@code api}, printing to {@code out}. */
  public LifecycleDemo(PlatformClient api, PrintStream out, RandomGenerator random) {
    this.api = api;
    this.out = out;
    this.random = random;
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
    check("the simulated clock answers", clock.status() == 200, "HTTP " + clock.status());
    long fee = basicFee();
    subscribe();
    pay("demo-" + msisdn + "-1", 2 * fee, msisdn, "top-up of two months' fees by the subscriber");
    barByArrears();
    thirdPartyTopUp(fee);
    suspendAndResume();
    refund();
    String unknown = numberState(UNKNOWN);
    check("a number nobody has: " + UNKNOWN, unknown.equals("UNKNOWN"), "status " + unknown);
    out.println(failed ? "\nSome steps did not go as expected." : "\nEvery step went as expected.");
    return failed ? FAILED : OK;
  }

  private long basicFee() {
    PlatformClient.Answer plans = api.get("/plans");
    for (var plan : plans.body()) {
      if (plan.path("id").asText().equals("basic")) {
        long fee = plan.path("monthlyFeeFen").asLong();
        check("plan basic", fee > 0, "monthly fee " + fee + " fen");
        return fee;
      }
    }
    check("plan basic", false, "HTTP " + plans.status() + " " + plans.body());
    return 0;
  }

  private void subscribe() {
    for (int attempt = 0; attempt < 20; attempt++) {
      msisdn = "86138" + String.format("%08d", random.nextInt(100_000_000));
      PlatformClient.Answer created =
          api.post(
              "/subscribers",
              "{\"msisdn\":\""
                  + msisdn
                  + "\",\"planId\":\"basic\",\"servicePassword\":\"Demo-Pass-42\"}");
      if (created.status() != 409) {
        check(
            "subscribe " + msisdn + " to plan basic",
            created.status() == 201,
            "HTTP " + created.status() + ", state " + created.text("status"));
        return;
      }
    }
    check("subscribe a free number", false, "every number tried was taken");
  }

  private void barByArrears() {
    for (int cycle = 1; cycle <= CYCLES_MAX; cycle++) {
      api.post("/admin/clock/advance", "{\"seconds\":" + 32 * DAY + "}");
      PlatformClient.Answer subscriber = api.get("/subscribers/" + msisdn);
      out.printf(
          "  ... 32 days later (cycle %d): state %s, balance %s fen, due %s fen%n",
          cycle,
          subscriber.text("status"),
          subscriber.text("balanceFen"),
          subscriber.text("dueFen"));
      if (subscriber.text("status").equals("BARRED_ARREARS")) {
        break;
      }
    }
    String state = api.get("/subscribers/" + msisdn).text("status");
    check("the fee cannot be paid: barred for arrears", state.equals("BARRED_ARREARS"), state);
    String status = numberState(msisdn);
    check("number status", status.equals("RESTRICTED"), status);
    boolean barred = await(this::lineBarred, b -> b);
    check("HLR line", barred, barred ? "barred" : "not barred");
    String sms = await(this::latestSms, text -> text.contains("barred"));
    check("SMS to the handset", sms.contains("barred"), quoted(sms));
  }

  private void thirdPartyTopUp(long fee) {
    pay("demo-" + msisdn + "-2", 2 * fee, THIRD_PARTY, "top-up by a third party " + THIRD_PARTY);
    String status = numberState(msisdn);
    check("number status after the top-up", status.equals("NORMAL"), status);
    api.post("/admin/clock/advance", "{\"seconds\":1}");
    boolean barred = await(this::lineBarred, b -> !b);
    check("HLR line", !barred, barred ? "barred" : "unbarred");
    String sms = await(this::latestSms, text -> text.contains("in service again"));
    check("SMS to the handset", sms.contains("in service again"), quoted(sms));
  }

  private void suspendAndResume() {
    PlatformClient.Answer suspended = api.post("/subscribers/" + msisdn + "/suspend", "");
    String status = numberState(msisdn);
    check(
        "voluntary suspension",
        suspended.status() == 200 && status.equals("RESTRICTED"),
        "state " + suspended.text("status") + ", number status " + status);
    PlatformClient.Answer resumed = api.post("/subscribers/" + msisdn + "/resume", "");
    status = numberState(msisdn);
    check(
        "resume",
        resumed.status() == 200 && status.equals("NORMAL"),
        "state " + resumed.text("status") + ", number status " + status);
  }

  private void refund() {
    String id = "demo-" + msisdn + "-3";
    pay(id, 500, msisdn, "top-up of 500 fen to refund");
    PlatformClient.Answer refunded = api.post("/payments/" + id + "/refund", "{}");
    check(
        "full refund of " + id,
        refunded.status() == 201 && refunded.body().path("amountFen").asLong() == 500,
        "HTTP " + refunded.status() + ", refunded " + refunded.text("amountFen") + " fen");
  }

  private void pay(String id, long amount, String payer, String step) {
    PlatformClient.Answer paid =
        api.post(
            "/payments",
            "{\"id\":\"%s\",\"msisdn\":\"%s\",\"amountFen\":%d,\"payer\":\"%s\"}"
                .formatted(id, msisdn, amount, payer));
    check(
        step,
        paid.status() == 201,
        "HTTP %d, state %s, balance %s fen, due %s fen"
            .formatted(
                paid.status(), paid.text("status"), paid.text("balanceFen"), paid.text("dueFen")));
  }

  private String numberState(String number) {
    return api.getAsPartner("/numbers/" + number + "/status").text("state");
  }

  private boolean lineBarred() {
    return api.get("/admin/network/lines/" + msisdn).body().path("barred").asBoolean();
  }

  private String latestSms() {
    var inbox = api.getAsPartner("/handsets/" + msisdn + "/inbox").body();
    return inbox.size() > 0 ? inbox.get(0).path("text").asText() : "";
  }

  /** Reads until {@code done} holds or five seconds pass: delivery goes through the outbox. */
  private static <T> T await(Supplier<T> read, Predicate<T> done) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    T value = read.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return value;
      }
      value = read.get();
    }
    return value;
  }

  private static String quoted(String text) {
    return text.isEmpty() ? "none" : "\"" + text + "\"";
  }

  private void check(String step, boolean ok, String observed) {
    out.printf("%s %s: %s%n", ok ? "[ok]  " : "[FAIL]", step, observed);
    failed |= !ok;
  }
}
