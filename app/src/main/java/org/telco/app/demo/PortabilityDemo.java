package org.telco.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.telco.app.phone.AutopayCommand;
import org.telco.phone.porting.PortingApp;

/**
 * {@code telco demo portability}: flow F4 against the running platform. An alpha subscriber is
 * barred for its first fee (arrears), beta prefunds its settlement account, the porting app moves
 * the number to beta through the clearinghouse, and a bank then sends the number an SMS through
 * alpha's SMPP port, which arrives at beta's handset because alpha's SMS centre routes by the
 * routing database.
 */
public final class PortabilityDemo {
  private static final String PASSWORD = "Demo-Pass-42";

  private final Map<String, PlatformClient> nodes;
  private final Map<String, String> urls;
  private final Path dataDirectory;
  private final int alphaSmppPort;
  private final PrintStream out;
  private final RandomGenerator random;
  private final DemoSteps steps;

  /**
   * A demo over the platform's nodes.
   *
   * @param urls each node's base URL, by name (clearinghouse, alpha, beta)
   * @param alphaSmppPort where alpha's SMS centre takes SMPP
   */
  public PortabilityDemo(
      Map<String, String> urls,
      Path dataDirectory,
      int alphaSmppPort,
      PrintStream out,
      RandomGenerator random)
      throws IOException {
    this.urls = Map.copyOf(urls);
    this.dataDirectory = dataDirectory;
    this.alphaSmppPort = alphaSmppPort;
    this.out = out;
    this.random = random;
    this.steps = new DemoSteps(out);
    this.nodes =
        Map.of(
            "clearinghouse",
            PlatformClient.fromCredentials(
                urls.get("clearinghouse"), dataDirectory, "clearinghouse"),
            "alpha",
            PlatformClient.fromCredentials(urls.get("alpha"), dataDirectory, "alpha"),
            "beta",
            PlatformClient.fromCredentials(urls.get("beta"), dataDirectory, "beta"));
  }

  /**
   * Plays the story.
   *
   * @return 0 when every step saw what it expected
   */
  public int play() throws Exception {
    String msisdn = "86138" + String.format("%04d", random.nextInt(10_000)) + "0301";
    out.println("1. An alpha subscriber is barred for its first fee");
    long due = barredForItsFee(msisdn);
    out.println("\n2. Beta prefunds its settlement account at the clearinghouse");
    PlatformClient.Answer prefund =
        nodes
            .get("clearinghouse")
            .post(
                "/settlement/prefunds",
                "{\"operator\":\"beta\",\"id\":\"demo-%s\",\"amountFen\":50000}".formatted(msisdn));
    steps.check("beta pays in 500.00 yuan", prefund.status() == 201, prefund.body().toString());
    out.println("\n3. The porting app moves the number to beta");
    PortingApp.Answer ported =
        new PortingApp(
                Map.of("alpha", urls.get("alpha"), "beta", urls.get("beta")),
                AutopayCommand.partnerKeys(dataDirectory.resolve("credentials.json")),
                random,
                out)
            .port(
                new PortingApp.Request(
                    "demo-port-" + msisdn,
                    msisdn,
                    PASSWORD.toCharArray(),
                    "beta",
                    "standard",
                    PASSWORD.toCharArray()));
    JsonNode port = ported.body().path("port");
    steps.check(
        "the port",
        port.path("state").asText().equals("COMPLETED"),
        port.path("state").asText()
            + ", compensation "
            + port.path("compensationFen").asLong()
            + " fen (alpha's arrears "
            + due
            + ")");
    afterThePort(msisdn);
    out.println("\n5. A bank sends the number an SMS through alpha's SMPP port");
    bankSms(msisdn);
    out.println(
        steps.failed() ? "Some step did not go as expected." : "Every step went as expected.");
    return steps.failed() ? LifecycleDemo.FAILED : 0;
  }

  private long barredForItsFee(String msisdn) {
    PlatformClient alpha = nodes.get("alpha");
    PlatformClient.Answer created =
        alpha.post(
            "/subscribers",
            "{\"msisdn\":\"%s\",\"planId\":\"standard\",\"servicePassword\":\"%s\"}"
                .formatted(msisdn, PASSWORD));
    steps.check(
        msisdn + " subscribes to alpha", created.status() == 201, "HTTP " + created.status());
    Instant fee = Instant.parse(created.text("nextCycleAt"));
    Instant now = Instant.parse(alpha.get("/admin/clock").text("now"));
    long seconds = Math.max(0, fee.getEpochSecond() - now.getEpochSecond());
    PlatformClient.Answer moved =
        alpha.post("/admin/clock/advance", "{\"seconds\":" + seconds + "}");
    JsonNode subscriber = alpha.get("/subscribers/" + msisdn).body();
    steps.check(
        "a month on, the fee is unpaid",
        moved.status() == 200 && subscriber.path("status").asText().equals("BARRED_ARREARS"),
        subscriber.path("status").asText()
            + ", due "
            + subscriber.path("dueFen").asLong()
            + " fen");
    return subscriber.path("dueFen").asLong();
  }

  private void afterThePort(String msisdn) {
    out.println("\n4. Where the number is now");
    JsonNode alphaSide = nodes.get("alpha").get("/subscribers/" + msisdn).body();
    JsonNode betaSide = nodes.get("beta").get("/subscribers/" + msisdn).body();
    steps.check(
        "at alpha",
        alphaSide.path("status").asText().equals("PORTED_OUT"),
        alphaSide.path("status").asText()
            + ", status query "
            + nodes.get("alpha").getAsPartner("/numbers/" + msisdn + "/status").text("state"));
    steps.check(
        "at beta",
        betaSide.path("status").asText().equals("ACTIVE"),
        betaSide.path("status").asText()
            + ", status query "
            + nodes.get("beta").getAsPartner("/numbers/" + msisdn + "/status").text("state"));
    for (String node : new String[] {"clearinghouse", "alpha", "beta"}) {
      JsonNode routing = nodes.get(node).getAsPartner("/routing/" + msisdn).body();
      steps.check(
          "the routing database at " + node,
          routing.path("operator").asText().equals("beta"),
          routing.path("operator").asText() + " via " + routing.path("routingNumber").asText());
    }
    JsonNode statement =
        nodes.get("clearinghouse").get("/settlement/statements?operator=alpha").body();
    steps.check(
        "alpha's settlement statement",
        statement.path("lines").size() > 0,
        statement.path("lines").toString());
  }

  private void bankSms(String msisdn) throws Exception {
    JsonNode credentials =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(dataDirectory.resolve("credentials.json").toFile())
            .path("nodes")
            .path("alpha");
    SMPPSession session = new SMPPSession();
    String text = "Your account 6222 was debited 88.00 CNY. Bank " + msisdn.substring(9);
    try {
      session.connectAndBind(
          "127.0.0.1",
          alphaSmppPort,
          new BindParameter(
              BindType.BIND_TX,
              credentials.path("smppSystemId").asText(),
              credentials.path("smppPassword").asText(),
              "",
              TypeOfNumber.UNKNOWN,
              NumberingPlanIndicator.UNKNOWN,
              null),
          10_000);
      String id =
          session
              .submitShortMessage(
                  "",
                  TypeOfNumber.ALPHANUMERIC,
                  NumberingPlanIndicator.UNKNOWN,
                  "BANK",
                  TypeOfNumber.INTERNATIONAL,
                  NumberingPlanIndicator.ISDN,
                  msisdn,
                  new ESMClass(),
                  (byte) 0,
                  (byte) 0,
                  null,
                  null,
                  new RegisteredDelivery(),
                  (byte) 0,
                  new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                  (byte) 0,
                  text.getBytes(StandardCharsets.US_ASCII))
              .getMessageId();
      steps.check("alpha's centre takes it", id != null && !id.isEmpty(), "message id " + id);
    } finally {
      session.unbindAndClose();
    }
    OperatorView beta = new OperatorView(nodes.get("beta"));
    String arrived = DemoSteps.await(() -> beta.sms(msisdn, "debited 88.00"), t -> !t.isEmpty());
    steps.check("it arrives at beta's handset", !arrived.isEmpty(), DemoSteps.quoted(arrived));
  }
}
