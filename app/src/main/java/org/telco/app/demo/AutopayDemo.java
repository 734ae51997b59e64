package org.telco.app.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.telco.app.phone.AutopayCommand;
import org.telco.phone.autopay.AddressBookAutopay;
import org.telco.phone.autopay.AddressBookAutopay.ContactResult;
import org.telco.phone.autopay.AutopaySettings;
import org.telco.phone.autopay.HttpNetworkSide;
import org.telco.phone.autopay.NumberResult;
import org.telco.phone.autopay.Outcome;
import org.telco.phone.autopay.SummaryTable;
import org.telco.phone.contacts.AddressBookException;

/**
 * {@code telco demo autopay}: flow F2 against the running platform. It makes one contact in each
 * situation the seed tells apart (in service; barred for a small debt; barred for more than a plan
 * price; suspended on purpose; another operator's number; nobody's number), moves the clock to
 * their first fee, writes them into a vCard file, runs the address-book agent over it, and checks
 * every outcome, balance and mark.
 */
public final class AutopayDemo {
  private static final String PAYER = "demo-autopay-user";

  private final PlatformClient alpha;
  private final Path dataDirectory;
  private final String alphaUrl;
  private final PrintStream out;
  private final Random random;
  private final DemoSteps steps;

  /**
   * A demo driving operator alpha's API at {@code alphaUrl}, with the keys in {@code
   * dataDirectory}.
   */
  public AutopayDemo(
      PlatformClient alpha, Path dataDirectory, String alphaUrl, PrintStream out, Random random) {
    this.alpha = alpha;
    this.dataDirectory = dataDirectory;
    this.alphaUrl = alphaUrl;
    this.out = out;
    this.random = random;
    this.steps = new DemoSteps(out);
  }

  /**
   * Plays the story.
   *
   * @return 0 when every step saw what it expected
   */
  public int play() throws IOException, AddressBookException {
    Map<String, Situation> book = situations();
    PlatformClient beta = beta(book);
    out.println("1. One contact in each situation");
    for (Situation situation : book.values()) {
      situation.create(situation.operator().equals("beta") ? beta : alpha, steps);
    }
    out.println("\n2. A month on: the first fees fall due");
    PlatformClient.Answer moved =
        alpha.post("/admin/clock/advance", "{\"seconds\":" + 32 * 86_400 + "}");
    steps.check("the clock moves 32 days", moved.status() == 200, moved.body().toString());
    Situation suspended = book.get("suspended");
    PlatformClient.Answer suspend =
        alpha.post("/subscribers/" + suspended.msisdn() + "/suspend", "{}");
    steps.check(
        suspended.name() + " suspends the number on purpose",
        suspend.status() == 200,
        suspend.text("status"));
    for (Situation situation : book.values()) {
      PlatformClient api = situation.operator().equals("beta") ? beta : alpha;
      steps.check(
          situation.name() + " " + situation.msisdn(),
          api.getAsPartner("/numbers/" + situation.msisdn() + "/status")
              .text("state")
              .equals(situation.statusBefore()),
          api.getAsPartner("/numbers/" + situation.msisdn() + "/status").text("state"));
    }
    Path file = dataDirectory.resolve("demo-contacts.vcf");
    Files.deleteIfExists(AddressBookAutopay.journalOf(file));
    Files.writeString(file, vcard(book), StandardCharsets.UTF_8);
    out.println("\n3. The address book " + file + " goes through the agent");
    List<ContactResult> results =
        new AddressBookAutopay(
                new HttpNetworkSide(
                    alphaUrl,
                    "alpha",
                    AutopayCommand.partnerKeys(dataDirectory.resolve("credentials.json"))),
                new AutopaySettings(PAYER, 500, 3_000, 20_000, 100_000, false),
                Clock.systemUTC(),
                out)
            .run(file);
    SummaryTable.print(results, false, out);
    out.println("\n4. What each contact came to");
    for (ContactResult contact : results) {
      Situation situation =
          book.values().stream()
              .filter(s -> s.name().equals(contact.name()))
              .findFirst()
              .orElseThrow();
      NumberResult number = contact.numbers().getFirst();
      steps.check(
          contact.name(),
          number.outcome() == situation.expected(),
          number.outcome()
              + ", paid "
              + number.paidFen()
              + " fen, refunded "
              + number.refundedFen()
              + " fen, mark "
              + contact.mark().map(Enum::name).orElse("none"));
    }
    out.println("\n5. The vCard now carries the groups and colours:");
    Files.readAllLines(file).stream()
        .filter(l -> l.startsWith("FN") || l.startsWith("CATEGORIES") || l.startsWith("X-TELCO"))
        .forEach(l -> out.println("   " + l));
    out.println(
        steps.failed() ? "Some step did not go as expected." : "Every step went as expected.");
    return steps.failed() ? LifecycleDemo.FAILED : 0;
  }

  private Map<String, Situation> situations() {
    String run = String.format("%04d", random.nextInt(10_000));
    Map<String, Situation> book = new LinkedHashMap<>();
    book.put(
        "normal",
        new Situation(
            "Nora Normal",
            "alpha",
            "86138" + run + "0001",
            "basic",
            5_000,
            "NORMAL",
            Outcome.ALREADY_NORMAL));
    book.put(
        "small",
        new Situation(
            "王小明", "alpha", "86138" + run + "0002", "basic", 300, "RESTRICTED", Outcome.REOPENED));
    book.put(
        "big",
        new Situation(
            "Bruno Big-Debt",
            "alpha",
            "86138" + run + "0003",
            "plus",
            0,
            "RESTRICTED",
            Outcome.REOPENED_AFTER_PLAN_PRICE));
    book.put(
        "suspended",
        new Situation(
            "Sam Suspended",
            "alpha",
            "86138" + run + "0004",
            "basic",
            1_000,
            "RESTRICTED",
            Outcome.VOLUNTARILY_SUSPENDED));
    book.put(
        "beta",
        new Situation(
            "Bea Beta",
            "beta",
            "86186" + run + "0005",
            "basic",
            400,
            "RESTRICTED",
            Outcome.REOPENED));
    book.put(
        "unknown",
        new Situation(
            "Una Unknown",
            "alpha",
            "86138" + run + "0006",
            null,
            0,
            "UNKNOWN",
            Outcome.UNKNOWN_NUMBER));
    return book;
  }

  /** Beta's API, found through alpha's number lookup as any client would. */
  private PlatformClient beta(Map<String, Situation> book) throws IOException {
    String url =
        alpha.getAsPartner("/numbers/" + book.get("beta").msisdn() + "/operator").text("apiUrl");
    return PlatformClient.fromCredentials(url, dataDirectory, "beta");
  }

  private static String vcard(Map<String, Situation> book) {
    StringBuilder vcf = new StringBuilder();
    for (Situation s : book.values()) {
      String m = s.msisdn();
      String written = "+86 " + m.substring(2, 5) + " " + m.substring(5, 9) + "-" + m.substring(9);
      vcf.append("BEGIN:VCARD\r\nVERSION:3.0\r\n")
          .append("FN:")
          .append(s.name())
          .append("\r\n")
          .append("N:")
          .append(s.name())
          .append(";;;;\r\n")
          .append("TEL;TYPE=CELL:")
          .append(written)
          .append("\r\n")
          .append("NOTE:added by telco demo autopay\r\n")
          .append("END:VCARD\r\n");
    }
    return vcf.toString();
  }

  /**
   * One contact's situation.
   *
   * @param plan the plan to subscribe, or null for a number nobody subscribes
   * @param moneyFen what it tops up before the first fee
   * @param statusBefore the status the agent will find
   * @param expected what the agent should conclude
   */
  private record Situation(
      String name,
      String operator,
      String msisdn,
      String plan,
      long moneyFen,
      String statusBefore,
      Outcome expected) {
    void create(PlatformClient api, DemoSteps steps) {
      if (plan == null) {
        steps.check(name + " " + msisdn, true, "not a subscriber of anyone");
        return;
      }
      PlatformClient.Answer created =
          api.post(
              "/subscribers",
              "{\"msisdn\":\"%s\",\"planId\":\"%s\",\"servicePassword\":\"Demo-Pass-42\"}"
                  .formatted(msisdn, plan));
      if (moneyFen > 0) {
        api.post(
            "/payments",
            "{\"id\":\"demo-ap-%s\",\"msisdn\":\"%s\",\"amountFen\":%d,\"payer\":\"%s\"}"
                .formatted(msisdn, msisdn, moneyFen, msisdn));
      }
      steps.check(
          name + " " + msisdn + " on " + operator + ", plan " + plan + ", " + moneyFen + " fen",
          created.status() == 201,
          "HTTP " + created.status());
    }
  }
}
