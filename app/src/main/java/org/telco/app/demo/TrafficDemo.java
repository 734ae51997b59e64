package org.telco.app.demo;

import static org.telco.app.demo.DataSessions.MB;
import static org.telco.app.demo.DataSessions.mb;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.telco.app.charging.SponsorKeys;

/**
 * {@code telco demo traffic}: flow F5 against the running platform. A buyer pays for a directed
 * video pack, a general add-on and two video traffic cards through the four-step purchase; one card
 * is bound to the buyer (the designated user, who gets general data at the front of the usage
 * priority) and one to a friend (who gets data for the video app only). The SMF then charges data
 * sessions over Nchf on the video and the web app, and the buckets' ledger balances show which one
 * paid; the friend's web traffic, which no bucket of the friend pays for, is paid from money. The
 * buyer moves the card to the back and the directed pack pays for video while the web skips it.
 * Last, the video app's partner reads its statement: today's usage is shown but not settled; a day
 * later it is charged once, and asking again charges nothing more.
 *
 * <p>Each run uses fresh numbers, so it can be played again on the same platform. The partner's
 * figures add up every use of the video app that day on the platform, so the demo checks their
 * relations (charged once, the balance moved by exactly that) rather than totals.
 */
public final class TrafficDemo {
  private static final String PLAN = "standard";
  private static final String PARTNER = "videoapp";
  private static final long VIDEO = 1001;
  private static final long WEB = 10;
  private static final long BUYER_MONEY_FEN = 5_000;
  private static final long FRIEND_MONEY_FEN = 1_000;
  private static final List<String> PRODUCTS =
      List.of("video-3g", "addon-500m", "card-video-1g", "card-video-1g");

  private final PlatformClient api;
  private final OperatorView operator;
  private final PrintStream out;
  private final RandomGenerator random;
  private final DemoSteps steps;
  private final DataSessions sessions;
  private long fenPerMegabyte;
  private long videoBytes;

  /** A demo driving operator alpha through {@code api}, printing to {@code out}. */
  public TrafficDemo(PlatformClient api, PrintStream out, RandomGenerator random) {
    this.api = api;
    this.operator = new OperatorView(api);
    this.out = out;
    this.random = random;
    this.steps = new DemoSteps(out);
    this.sessions = new DataSessions(api, steps, out);
  }

  /**
   * Plays the story.
   *
   * @return {@link LifecycleDemo#OK}, {@link LifecycleDemo#FAILED} or {@link
   *     LifecycleDemo#NEEDS_SIMULATED_CLOCK}
   */
  public int play() {
    PlatformClient.Answer clock = api.post("/admin/clock/advance", "{\"seconds\":0}");
    if (clock.status() == 409) {
      out.println("The platform runs on the system clock; the partner's day must be closed.");
      out.println("Start the platform with ./telco serve --clock simulated");
      return LifecycleDemo.NEEDS_SIMULATED_CLOCK;
    }
    steps.check("the simulated clock answers", clock.status() == 200, "HTTP " + clock.status());
    out.println("\n1. Two fresh numbers on plan " + PLAN + ": a buyer and a friend");
    String buyer = subscribe("the buyer", BUYER_MONEY_FEN);
    String friend = subscribe("the friend", FRIEND_MONEY_FEN);
    if (!steps.failed()) {
      // A first fee falls due at local midnight, which tells the operator's offset from UTC.
      ZoneOffset offset =
          OperatorView.offsetOf(Instant.parse(operator.subscriber(buyer).text("nextCycleAt")));
      List<String> cards = buy(buyer);
      if (cards.size() == 2) {
        bind(buyer, friend, cards);
        use(buyer, friend);
        cardToTheBack(buyer);
      }
      partner(offset);
    }
    out.println(
        steps.failed() ? "\nSome steps did not go as expected." : "\nEvery step went as expected.");
    return steps.failed() ? LifecycleDemo.FAILED : LifecycleDemo.OK;
  }

  private String subscribe(String who, long moneyFen) {
    for (int attempt = 0; attempt < 20; attempt++) {
      String msisdn = "86138" + String.format("%08d", random.nextInt(100_000_000));
      PlatformClient.Answer created =
          api.post(
              "/subscribers",
              "{\"msisdn\":\"%s\",\"planId\":\"%s\",\"servicePassword\":\"%s\"}"
                  .formatted(msisdn, PLAN, DemoSubscribers.SERVICE_PASSWORD));
      if (created.status() != 409) {
        PlatformClient.Answer paid = operator.pay(msisdn, "traffic", moneyFen);
        steps.check(
            "subscribe " + who + " " + msisdn + ", top up " + moneyFen + " fen",
            created.status() == 201 && paid.status() == 201,
            "HTTP %d, top-up HTTP %d, balance %s fen"
                .formatted(created.status(), paid.status(), paid.text("balanceFen")));
        return msisdn;
      }
    }
    steps.check("subscribe a free number", false, "every number tried was taken");
    return "";
  }

  /** The buyer's four purchases; the two cards' ids. */
  private List<String> buy(String buyer) {
    out.println("\n2. The buyer buys a directed pack, an add-on and two video cards");
    Map<String, Long> prices = new HashMap<>();
    for (JsonNode product : api.get("/traffic/products").body()) {
      prices.put(product.path("id").asText(), product.path("priceFen").asLong());
    }
    for (JsonNode plan : api.get("/plans").body()) {
      if (plan.path("id").asText().equals(PLAN)) {
        fenPerMegabyte = plan.path("payAsYouGoFenPerMegabyte").asLong();
      }
    }
    List<String> cards = new ArrayList<>();
    long paid = 0;
    for (int i = 0; i < PRODUCTS.size(); i++) {
      String product = PRODUCTS.get(i);
      PlatformClient.Answer bought =
          api.post(
              "/traffic/purchases",
              "{\"id\":\"demo-traffic-%s-%d\",\"msisdn\":\"%s\",\"productId\":\"%s\"}"
                  .formatted(buyer, i, buyer, product));
      paid += prices.getOrDefault(product, 0L);
      String card = bought.text("cardId");
      steps.check(
          "buy " + product + " for " + prices.get(product) + " fen",
          bought.status() == 201 && bought.text("step").equals("DEDUCTION_CONFIRMED"),
          "HTTP %d, %s%s"
              .formatted(
                  bought.status(),
                  bought.text("step"),
                  card.isEmpty() ? ", bucket " + bought.text("bucketId") : ", card " + card));
      if (i == 0) {
        for (JsonNode step : bought.body().path("steps")) {
          out.printf("         %-25s %s%n", step.path("step").asText(), step.path("at").asText());
        }
      }
      if (!card.isEmpty()) {
        cards.add(card);
      }
    }
    long balance = operator.subscriber(buyer).body().path("balanceFen").asLong();
    steps.check(
        "the buyer's balance",
        balance == BUYER_MONEY_FEN - paid && cards.size() == 2,
        "%d fen, %d fen less; two cards %s".formatted(balance, paid, cards));
    return cards;
  }

  /** The first card goes to the buyer (designated), the second to the friend (not designated). */
  private void bind(String buyer, String friend, List<String> cards) {
    out.println("\n3. One card bound to the buyer (designated user), one to the friend");
    bindOne(cards.get(0), buyer, true);
    bindOne(cards.get(1), friend, false);
    List<JsonNode> mine = sessions.buckets(buyer);
    sessions.show("the buyer " + buyer, mine);
    steps.check(
        "the buyer's card is general data at the front of the usage priority",
        !mine.isEmpty()
            && mine.get(0).path("productId").asText().equals("card-video-1g")
            && mine.get(0).path("ratingGroups").isEmpty(),
        mine.size() + " buckets, first " + (mine.isEmpty() ? "none" : describe(mine.get(0))));
    List<JsonNode> theirs = sessions.buckets(friend);
    sessions.show("the friend " + friend, theirs);
    steps.check(
        "the friend's card is data for the video app only",
        theirs.size() == 1
            && theirs.get(0).path("ratingGroups").toString().equals("[" + VIDEO + "]"),
        theirs.size() + " bucket, " + (theirs.isEmpty() ? "none" : describe(theirs.get(0))));
  }

  private void bindOne(String card, String msisdn, boolean designated) {
    PlatformClient.Answer bound =
        api.post("/traffic/cards/" + card + "/bind", "{\"msisdn\":\"" + msisdn + "\"}");
    JsonNode bucket = bound.body().path("bucket");
    steps.check(
        "bind " + card + " to " + msisdn,
        bound.status() == 201
            && bound.body().path("card").path("designated").asBoolean() == designated
            && bucket.path("ratingGroups").isEmpty() == designated,
        "HTTP %d, designated %s, %s of %s"
            .formatted(
                bound.status(),
                bound.body().path("card").path("designated").asText(),
                mb(bucket.path("volumeBytes").asLong()),
                DataSessions.describe(bucket)));
  }

  private void use(String buyer, String friend) {
    out.printf(
        "%n4. The SMF charges data sessions over Nchf (beyond the buckets: %d fen per started MB)%n",
        fenPerMegabyte);
    out.println("   The buyer watches video:");
    sessions.use(buyer, "video app", VIDEO, 8 * MB, 6 * MB, fenPerMegabyte);
    out.println("   The buyer browses the web:");
    sessions.use(buyer, "web", WEB, 5 * MB, 3 * MB, fenPerMegabyte);
    out.println("   The friend watches video:");
    sessions.use(friend, "video app", VIDEO, 6 * MB, 4 * MB, fenPerMegabyte);
    out.println("   The friend browses the web:");
    sessions.use(friend, "web", WEB, 3 * MB, 1 * MB, fenPerMegabyte);
    videoBytes += 24 * MB;
  }

  /** The buyer saves the card for later: the directed pack pays for video, the add-on for web. */
  private void cardToTheBack(String buyer) {
    out.println("\n5. The buyer moves the card to the back of the usage priority");
    List<JsonNode> buckets = sessions.buckets(buyer);
    List<String> order = new ArrayList<>();
    buckets.stream().skip(1).forEach(b -> order.add("\"" + b.path("id").asText() + "\""));
    buckets.stream().limit(1).forEach(b -> order.add("\"" + b.path("id").asText() + "\""));
    PlatformClient.Answer moved =
        api.put(
            "/subscribers/" + buyer + "/buckets/priority",
            "{\"bucketIds\":[" + String.join(",", order) + "]}");
    steps.check("PUT .../buckets/priority", moved.status() == 200, "HTTP " + moved.status());
    List<JsonNode> now = sessions.buckets(buyer);
    sessions.show("the buyer", now);
    out.println("   The buyer watches video:");
    String video = sessions.use(buyer, "video app", VIDEO, 9 * MB, 1 * MB, fenPerMegabyte);
    videoBytes += 10 * MB;
    out.println("   The buyer browses the web:");
    String web = sessions.use(buyer, "web", WEB, 2 * MB, 2 * MB, fenPerMegabyte);
    String directed =
        now.stream()
            .filter(b -> !b.path("ratingGroups").isEmpty())
            .map(b -> b.path("id").asText())
            .findFirst()
            .orElse("");
    steps.check(
        "the directed pack paid for video and the web never touched it",
        !directed.isEmpty() && video.equals(directed) && !web.isEmpty() && !web.equals(directed),
        "video paid by %s, web by %s".formatted(productOf(now, video), productOf(now, web)));
  }

  /** The partner's statement of today, then of the same day once it is closed, twice. */
  private void partner(ZoneOffset offset) {
    out.println("\n6. The video app's partner reads its statement with its sponsor key");
    String key = SponsorKeys.of(api.partnerKey(), PARTNER);
    long fenPerGigabyte = -1;
    for (JsonNode partner : api.get("/partners").body()) {
      if (partner.path("id").asText().equals(PARTNER)) {
        fenPerGigabyte = partner.path("fenPerGigabyte").asLong();
      }
    }
    LocalDate today = LocalDate.ofInstant(operator.now(), offset);
    String period = "/partners/%s/usage?from=%s&to=%s".formatted(PARTNER, today, today);
    PlatformClient.Answer open = api.getWithKey(period, key);
    long shown = bytesOn(open.body(), today);
    steps.check(
        "GET " + period + " today: usage shown, nothing settled, the day is not closed",
        open.status() == 200 && shown >= videoBytes && open.body().path("settlement").isEmpty(),
        "HTTP %d, %s of video today (%s of it this demo's), balance %s fen, %d fen per GB"
            .formatted(
                open.status(), mb(shown), mb(videoBytes), open.text("balanceFen"), fenPerGigabyte));
    PlatformClient.Answer moved = api.post("/admin/clock/advance", "{\"seconds\":86400}");
    Instant now = Instant.parse(moved.body().path("now").asText(Instant.EPOCH.toString()));
    steps.check(
        "the clock moves one day",
        moved.status() == 200,
        "now %s local (%s)".formatted(now.atOffset(offset).toLocalDateTime(), now));
    settled(period, key, today, open.body().path("balanceFen").asLong(), fenPerGigabyte);
  }

  /** The closed day is charged once at the partner's rate; asked again, it is not charged. */
  private void settled(String period, String key, LocalDate day, long before, long fenPerGigabyte) {
    PlatformClient.Answer closed = api.getWithKey(period, key);
    JsonNode charge = closed.body().path("settlement").path(0);
    long bytes = charge.path("bytes").asLong();
    long amount = charge.path("amountFen").asLong();
    long after = closed.body().path("balanceFen").asLong();
    steps.check(
        "asked again: " + day + " is closed and charged once",
        closed.status() == 200
            && closed.body().path("settlement").size() == 1
            && charge.path("outcome").asText().equals("charged")
            && bytes >= videoBytes
            && amount == Math.ceilDiv(Math.multiplyExact(bytes, fenPerGigabyte), 1_000 * MB)
            && after == before - amount,
        "%s, %s at %d fen per GB = %d fen (%s); balance %d -> %d fen"
            .formatted(
                charge.path("outcome").asText(),
                mb(bytes),
                fenPerGigabyte,
                amount,
                charge.path("transferId").asText(),
                before,
                after));
    PlatformClient.Answer again = api.getWithKey(period, key);
    JsonNode replay = again.body().path("settlement").path(0);
    steps.check(
        "asked a third time: nothing more is charged",
        replay.path("outcome").asText().equals("charged-before")
            && again.body().path("balanceFen").asLong() == after,
        "%s, balance %s fen".formatted(replay.path("outcome").asText(), again.text("balanceFen")));
  }

  /** The bytes of the partner's apps on {@code day} in a statement. */
  private static long bytesOn(JsonNode statement, LocalDate day) {
    long bytes = 0;
    for (JsonNode app : statement.path("apps")) {
      for (JsonNode used : app.path("days")) {
        if (used.path("day").asText().equals(day.toString())) {
          bytes += used.path("bytes").asLong();
        }
      }
    }
    return bytes;
  }

  private static String describe(JsonNode bucket) {
    return bucket.path("productId").asText() + " " + DataSessions.describe(bucket);
  }

  private static String productOf(List<JsonNode> buckets, String id) {
    return buckets.stream()
        .filter(b -> b.path("id").asText().equals(id))
        .map(b -> b.path("productId").asText())
        .findFirst()
        .orElse(id.isEmpty() ? "nothing" : id);
  }
}
