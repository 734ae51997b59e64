package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telco.app.phone.AutopayCommand;
import org.telco.app.phone.PhoneCommand;
import org.telco.phone.autopay.AddressBookAutopay;
import org.telco.phone.autopay.AutopaySettings;
import org.telco.phone.autopay.HttpNetworkSide;
import org.telco.phone.autopay.NetworkException;
import org.telco.phone.autopay.NetworkSide;
import org.telco.phone.autopay.NumberStatus;
import org.telco.phone.autopay.Outcome;
import org.telco.phone.autopay.ServingOperator;
import org.telco.phone.contacts.AddressBookException;
import picocli.CommandLine;

/**
 * Flow F2 end to end against the running platform (clearinghouse, alpha, beta): an address book
 * with a contact in each situation goes through {@code telco phone autopay}, and the operators'
 * books, the payments, the refund and the rewritten vCard are checked.
 */
class AutopayIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PAYER = "8613800009000";

  private static TestPlatform platform;

  @TempDir Path folder;

  @BeforeAll
  static void start() throws IOException {
    platform = TestPlatform.start(List.of("clearinghouse", "alpha", "beta"));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void everySituationIsPaidRefundedAndMarkedAsTheSeedSays() throws Exception {
    Numbers n = Numbers.next();
    subscribe("alpha", n.normal, "basic", 5_000);
    subscribe("alpha", n.smallDebt, "basic", 300); // 800 due, 300 kept: 500 re-opens it
    subscribe("alpha", n.bigDebt, "plus", 0); // 3,800 due: the plan prices re-open it
    subscribe("alpha", n.suspended, "basic", 1_000);
    subscribe("beta", n.otherOperator, "basic", 400); // 900 due at beta
    advanceToFirstFee();
    assertThat(post("alpha", "/subscribers/" + n.suspended + "/suspend", "{}").status)
        .isEqualTo(200);
    assertThat(status("alpha", n.smallDebt)).isEqualTo("RESTRICTED");
    assertThat(status("alpha", n.bigDebt)).isEqualTo("RESTRICTED");
    assertThat(status("beta", n.otherOperator)).isEqualTo("RESTRICTED");
    Path book = folder.resolve("contacts.vcf");
    String original = n.vcard();
    Files.writeString(book, original, StandardCharsets.UTF_8);

    String output =
        cli("--contacts", book.toString(), "--payer", PAYER, "--preset", "500", "--amount", "3000");

    assertThat(output)
        .contains("REOPENED", "VOLUNTARILY_SUSPENDED", "UNKNOWN_NUMBER", "ALREADY_NORMAL");
    assertThat(balance("alpha", n.normal)).isEqualTo(5_000 - 800); // its fee, and nothing paid
    assertThat(subscriber("alpha", n.smallDebt))
        .containsEntry("status", "ACTIVE")
        .containsEntry("balanceFen", "3000");
    assertThat(subscriber("alpha", n.bigDebt))
        .containsEntry("status", "ACTIVE")
        .containsEntry("balanceFen", Long.toString(500 + 800 + 1_800 + 3_800 + 3_000 - 3_800));
    assertThat(subscriber("beta", n.otherOperator))
        .containsEntry("status", "ACTIVE")
        .containsEntry("balanceFen", "3000");
    assertThat(subscriber("alpha", n.suspended))
        .containsEntry("status", "SUSPENDED_VOLUNTARY")
        .containsEntry("balanceFen", "200"); // 1,000 less its fee: everything paid came back
    String written = Files.readString(book, StandardCharsets.UTF_8);
    assertThat(written).contains("X-TELCO");
    assertUnchangedButOurLines(original, written);
    assertThat(cardOf(written, "Suspended Sam")).contains("voluntarily suspended");
    assertThat(cardOf(written, "Small Debt")).containsIgnoringCase("normal");
    assertThat(cardOf(written, "Nobody Known")).doesNotContain("X-TELCO");

    String again =
        cli("--contacts", book.toString(), "--payer", PAYER, "--preset", "500", "--amount", "3000");
    assertThat(again).contains("ALREADY_NORMAL");
    assertThat(balance("alpha", n.smallDebt)).isEqualTo(3_000); // open now: nothing more paid
  }

  @Test
  void theCapStopsPaymentsAndADryRunPaysNothing() throws Exception {
    Numbers n = Numbers.next();
    subscribe("alpha", n.bigDebt, "plus", 0);
    advanceToFirstFee();
    Path book = folder.resolve("capped.vcf");
    Files.writeString(book, Numbers.card("Big Debt", n.bigDebt), StandardCharsets.UTF_8);

    String dry = cli("--contacts", book.toString(), "--payer", PAYER, "--dry-run");
    assertThat(dry).contains("WOULD_PAY", "dry run, nothing paid");
    assertThat(due("alpha", n.bigDebt)).isEqualTo(3_800);
    assertThat(Files.readString(book)).isEqualTo(Numbers.card("Big Debt", n.bigDebt));
    assertThat(AddressBookAutopay.journalOf(book)).doesNotExist();

    String capped = cli("--contacts", book.toString(), "--payer", PAYER, "--cap", "1000");
    assertThat(capped).contains("CAP_REACHED");
    assertThat(balance("alpha", n.bigDebt) - due("alpha", n.bigDebt)).isEqualTo(500 - 3_800);
  }

  @Test
  void aRunCutShortAndRunAgainPaysNothingTwice() throws Exception {
    Numbers n = Numbers.next();
    subscribe("alpha", n.bigDebt, "plus", 0);
    advanceToFirstFee();
    Path book = folder.resolve("crash.vcf");
    Files.writeString(book, Numbers.card("Big Debt", n.bigDebt), StandardCharsets.UTF_8);
    NetworkSide real = network();
    NetworkSide crashing = new CrashAfterPayments(real, 2); // the 2nd payment lands, then "crash"

    assertThatThrownBy(() -> autopay(crashing).run(book)).isInstanceOf(IllegalStateException.class);
    assertThat(balance("alpha", n.bigDebt) - due("alpha", n.bigDebt)).isEqualTo(500 + 800 - 3_800);
    autopay(real).run(book);

    assertThat(subscriber("alpha", n.bigDebt)).containsEntry("status", "ACTIVE");
    assertThat(balance("alpha", n.bigDebt)).isEqualTo(500 + 800 + 1_800 + 3_800 + 3_000 - 3_800);
  }

  @Test
  void aLostAnswerLeavesTheRunOpenAndTheNextRunPaysNothingTwice() throws Exception {
    Numbers n = Numbers.next();
    subscribe("alpha", n.bigDebt, "plus", 0);
    advanceToFirstFee();
    Path book = folder.resolve("lost.vcf");
    Files.writeString(book, Numbers.card("Big Debt", n.bigDebt), StandardCharsets.UTF_8);
    NetworkSide real = network();
    NetworkSide lossy =
        new CrashAfterPayments(
            real,
            2,
            new AtomicInteger(),
            () -> new NetworkException("timed out waiting for the answer"));

    List<AddressBookAutopay.ContactResult> first = autopay(lossy).run(book);

    assertThat(first.getFirst().numbers().getFirst().outcome()).isEqualTo(Outcome.FAILED);
    assertThat(balance("alpha", n.bigDebt) - due("alpha", n.bigDebt)).isEqualTo(500 + 800 - 3_800);
    autopay(real).run(book);
    assertThat(subscriber("alpha", n.bigDebt)).containsEntry("status", "ACTIVE");
    assertThat(balance("alpha", n.bigDebt)).isEqualTo(500 + 800 + 1_800 + 3_800 + 3_000 - 3_800);
  }

  @Test
  void aBrokenAddressBookNamesTheLineAndPaysNothing() throws Exception {
    Numbers n = Numbers.next();
    subscribe("alpha", n.smallDebt, "basic", 300);
    advanceToFirstFee();
    Path book = folder.resolve("broken.vcf");
    String broken = Numbers.card("Small Debt", n.smallDebt).replace("END:VCARD\r\n", "");
    Files.writeString(book, broken, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> autopay(network()).run(book))
        .isInstanceOf(AddressBookException.class)
        .hasMessageContaining("line");
    assertThat(balance("alpha", n.smallDebt)).isEqualTo(300);
    assertThat(AddressBookAutopay.journalOf(book)).doesNotExist();
  }

  private AddressBookAutopay autopay(NetworkSide network) {
    return new AddressBookAutopay(
        network,
        new AutopaySettings(PAYER, 500, 3_000, 20_000, 100_000, false),
        Clock.systemUTC(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private NetworkSide network() throws IOException {
    return new HttpNetworkSide(
        platform.url("alpha"),
        "alpha",
        AutopayCommand.partnerKeys(platform.dataDirectory.resolve("credentials.json")));
  }

  private String cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      String[] all = new String[args.length + 5];
      all[0] = "autopay";
      System.arraycopy(args, 0, all, 1, args.length);
      all[args.length + 1] = "--url";
      all[args.length + 2] = platform.url("alpha");
      all[args.length + 3] = "--data-dir";
      all[args.length + 4] = platform.dataDirectory.toString();
      int exit = new CommandLine(new PhoneCommand()).execute(all);
      assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
    } finally {
      System.setOut(saved);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Every line of the original is still there, in order; only our own lines were added. */
  private static void assertUnchangedButOurLines(String original, String written) {
    List<String> kept =
        written
            .lines()
            .filter(l -> !l.startsWith("X-TELCO") && !l.startsWith("CATEGORIES"))
            .toList();
    assertThat(kept).isEqualTo(original.lines().toList());
    assertThat(written).contains("\r\n"); // the file's line endings kept
  }

  private static String cardOf(String vcard, String name) {
    int at = vcard.indexOf("FN:" + name);
    int end = vcard.indexOf("END:VCARD", at);
    return vcard.substring(at, end);
  }

  private static void subscribe(String node, String msisdn, String plan, long moneyFen) {
    Answer created =
        post(
            node,
            "/subscribers",
            "{\"msisdn\":\""
                + msisdn
                + "\",\"planId\":\""
                + plan
                + "\",\"servicePassword\":\"Qw9-zx81\"}");
    assertThat(created.status).as(created.body.toString()).isEqualTo(201);
    if (moneyFen > 0) {
      Answer paid =
          post(
              node,
              "/payments",
              "{\"id\":\"seed-"
                  + msisdn
                  + "\",\"msisdn\":\""
                  + msisdn
                  + "\",\"amountFen\":"
                  + moneyFen
                  + ",\"payer\":\"seed\"}");
      assertThat(paid.status).isEqualTo(201);
    }
  }

  /** One month on: every subscriber created just now reaches its first fee. */
  private static void advanceToFirstFee() {
    long seconds = Duration.ofDays(32).toSeconds();
    assertThat(post("alpha", "/admin/clock/advance", "{\"seconds\":" + seconds + "}").status)
        .isEqualTo(200);
  }

  private static String status(String node, String msisdn) {
    return get(node, "/numbers/" + msisdn + "/status").body.path("state").asText();
  }

  private static Map<String, String> subscriber(String node, String msisdn) {
    JsonNode body = get(node, "/subscribers/" + msisdn).body;
    return Map.of(
        "status", body.path("status").asText(), "balanceFen", body.path("balanceFen").asText());
  }

  private static long balance(String node, String msisdn) {
    return get(node, "/subscribers/" + msisdn).body.path("balanceFen").asLong();
  }

  private static long due(String node, String msisdn) {
    return get(node, "/subscribers/" + msisdn).body.path("dueFen").asLong();
  }

  private static Answer get(String node, String path) {
    return send(
        HttpRequest.newBuilder(URI.create(platform.url(node) + "/api/v1" + path))
            .header("Authorization", "Bearer " + platform.adminKey(node))
            .GET()
            .build());
  }

  private static Answer post(String node, String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(platform.url(node) + "/api/v1" + path))
            .header("Authorization", "Bearer " + platform.adminKey(node))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body =
          response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
      return new Answer(response.statusCode(), body);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private record Answer(int status, JsonNode body) {}

  /**
   * The real network, but right after the n-th payment landed its answer is lost: the process
   * "dies", or the connection drops ({@code failure}).
   */
  private record CrashAfterPayments(
      NetworkSide real, int n, AtomicInteger paid, Supplier<RuntimeException> failure)
      implements NetworkSide {
    CrashAfterPayments(NetworkSide real, int n) {
      this(real, n, new AtomicInteger(), () -> new IllegalStateException("crash after a payment"));
    }

    @Override
    public Optional<ServingOperator> operatorOf(String msisdn) {
      return real.operatorOf(msisdn);
    }

    @Override
    public NumberStatus status(ServingOperator operator, String msisdn) {
      return real.status(operator, msisdn);
    }

    @Override
    public List<Long> planPrices(ServingOperator operator) {
      return real.planPrices(operator);
    }

    @Override
    public void pay(ServingOperator operator, String id, String msisdn, long fen, String payer) {
      real.pay(operator, id, msisdn, fen, payer);
      if (paid.incrementAndGet() == n) {
        throw failure.get();
      }
    }

    @Override
    public long refund(ServingOperator operator, String id, String payer) {
      return real.refund(operator, id, payer);
    }
  }

  /** Fresh numbers for one test, and their address book. */
  private record Numbers(
      String normal,
      String smallDebt,
      String bigDebt,
      String suspended,
      String otherOperator,
      String unknown) {
    private static final AtomicInteger NEXT = new AtomicInteger();

    static Numbers next() {
      String run = String.format("%02d", NEXT.incrementAndGet());
      return new Numbers(
          "861380006" + run + "01",
          "861380006" + run + "02",
          "861380006" + run + "03",
          "861380006" + run + "04",
          "861860006" + run + "05",
          "861380006" + run + "06");
    }

    String vcard() {
      return card("Normal Nora", normal)
          + card("Small Debt", smallDebt)
          + card("Big Debt", bigDebt)
          + card("Suspended Sam", suspended)
          + card("Beta Bea", otherOperator)
          + card("Nobody Known", unknown);
    }

    static String card(String name, String msisdn) {
      String spaced =
          "+86 "
              + msisdn.substring(2, 5)
              + "-"
              + msisdn.substring(5, 9)
              + " "
              + msisdn.substring(9);
      return "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:"
          + name
          + "\r\nN:"
          + name.replace(' ', ';')
          + ";;;\r\nTEL;TYPE=CELL:"
          + spaced
          + "\r\nEMAIL:"
          + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.')
          + "@example.org\r\nEND:VCARD\r\n";
    }
  }
}
