package org.telco.app.smf;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.telco.app.NodeSpec;
import org.telco.app.charging.NetworkFunctionKeys;
import org.telco.app.demo.PlatformClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code telco smf}: an SMF simulator that opens PDU sessions against an operator's CHF (flow F5,
 * Nchf_ConvergedCharging over HTTP) and reports their usage, with progress lines and a summary.
 * {@code --provision} first gives the numbers money and data packs through the operator's API.
 */
@Command(
    name = "smf",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates an SMF: opens PDU sessions against an operator's Nchf API and reports usage.",
      "Needs a running platform (./telco serve) and subscribers with data (see --provision)."
    })
public final class SmfCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--operator",
      defaultValue = "alpha",
      description = "the operator whose CHF to charge at (default: ${DEFAULT-VALUE})")
  String operator;

  @Option(names = "--url", description = "the operator's URL (default: its all-in-one port)")
  String url;

  @Option(
      names = "--data-dir",
      defaultValue = "./data",
      description = "the platform's data directory, for its keys (default: ${DEFAULT-VALUE})")
  Path dataDirectory;

  @Option(
      names = "--sessions",
      defaultValue = "1000",
      description = "PDU sessions to open (default: ${DEFAULT-VALUE})")
  int sessions;

  @Option(
      names = "--duration",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description = "how long each session lasts, e.g. 60s, 5m (default: ${DEFAULT-VALUE})")
  Duration duration;

  @Option(
      names = "--ramp-up",
      defaultValue = "20s",
      converter = DurationConverter.class,
      description = "over how long the sessions start (default: ${DEFAULT-VALUE})")
  Duration rampUp;

  @Option(
      names = "--subscribers",
      defaultValue = "100",
      description = "numbers the sessions are spread over (default: ${DEFAULT-VALUE})")
  int subscribers;

  @Option(
      names = "--msisdn-from",
      defaultValue = "8613870000001",
      description = "the first of the numbers (default: ${DEFAULT-VALUE})")
  long firstMsisdn;

  @Option(
      names = "--rating-groups",
      split = ",",
      defaultValue = "10,1001",
      description = "rating groups of each session: 10 web, 1001 video (default: ${DEFAULT-VALUE})")
  List<Long> ratingGroups;

  @Option(
      names = "--rate",
      defaultValue = "250000",
      description =
          "bytes per second of each rating group of a session (default: ${DEFAULT-VALUE})")
  long bytesPerSecond;

  @Option(
      names = "--requested-bytes",
      defaultValue = "10000000",
      description = "requestedUnit totalVolume of each quota request (default: ${DEFAULT-VALUE})")
  long requestedBytes;

  @Option(
      names = "--timeout",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description = "answer timeout before a retransmission (default: ${DEFAULT-VALUE})")
  Duration timeout;

  @Option(
      names = "--retransmissions",
      defaultValue = "2",
      description = "retransmissions before a request fails (default: ${DEFAULT-VALUE})")
  int retransmissions;

  @Option(
      names = "--notify-port",
      defaultValue = "0",
      description = "port of the notifyUri server on 127.0.0.1 (default: a free one)")
  int notifyPort;

  @Option(
      names = "--progress",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description = "how often to print a progress line (default: ${DEFAULT-VALUE})")
  Duration progressEvery;

  @Option(
      names = "--provision",
      description = "subscribe the numbers, top them up and buy them data packs first")
  boolean provision;

  @Option(
      names = "--top-up-fen",
      defaultValue = "10000",
      description = "with --provision, money per number in fen (default: ${DEFAULT-VALUE})")
  long topUpFen;

  @Option(
      names = "--products",
      split = ",",
      defaultValue = "addon-500m,video-3g",
      description = "with --provision, packs each number buys (default: ${DEFAULT-VALUE})")
  List<String> products;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintStream out = System.out;
    Path credentials = dataDirectory.resolve("credentials.json");
    if (!Files.isReadable(credentials)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "No " + credentials + ": start the platform with ./telco serve first.");
    }
    String base = operatorUrl();
    PlatformClient api = PlatformClient.fromCredentials(base, dataDirectory, operator);
    String networkFunctionKey = NetworkFunctionKeys.of(operator, adminKey(credentials));
    List<String> numbers = Provisioning.numbers(firstMsisdn, subscribers);
    try {
      if (provision) {
        long started = System.nanoTime();
        new Provisioning(api, topUpFen, products).provision(numbers);
        out.printf(
            "provisioned %,d numbers from %d at %s (top-up %d fen, packs %s) in %.1f s%n",
            numbers.size(),
            firstMsisdn,
            operator,
            topUpFen,
            products,
            (System.nanoTime() - started) / 1e9);
      }
      return simulate(out, base, networkFunctionKey, numbers);
    } catch (UncheckedIOException | IllegalStateException e) {
      System.err.println(e.getMessage() + " (is ./telco serve running?)");
      return 2;
    }
  }

  /** Charges the sessions with the operator's network-function key, as a real SMF would. */
  private int simulate(
      PrintStream out, String base, String networkFunctionKey, List<String> numbers)
      throws InterruptedException {
    SmfSimulator.Settings settings =
        new SmfSimulator.Settings(
            sessions,
            duration,
            rampUp,
            ratingGroups,
            bytesPerSecond,
            requestedBytes,
            progressEvery);
    out.printf(
        "smf: %,d PDU sessions of %s over %,d numbers at %s (%s), rating groups %s, %,d B/s each,"
            + " requestedUnit %,d B%n",
        sessions,
        duration,
        numbers.size(),
        operator,
        base,
        ratingGroups,
        bytesPerSecond,
        requestedBytes);
    try (NchfClient client = new NchfClient(base, networkFunctionKey, timeout, retransmissions);
        NotifyListener notifications = NotifyListener.start("127.0.0.1", notifyPort)) {
      long started = System.nanoTime();
      SmfTally.Snapshot result =
          new SmfSimulator(client, notifications, numbers, settings).run(out);
      double seconds = (System.nanoTime() - started) / 1e9;
      out.println("summary");
      SmfSimulator.summary(result, seconds).forEach(line -> out.println("  " + line));
      out.printf("  notifications received: %,d%n", notifications.received());
      return result.sessionsFailed() == 0 ? 0 : 1;
    }
  }

  /** The operator's admin key, which provisions and from which its network-function key derives. */
  private String adminKey(Path credentials) throws IOException {
    return org.telco.web.Json.mapper()
        .readTree(credentials.toFile())
        .path("nodes")
        .path(operator)
        .path("adminApiKey")
        .asText();
  }

  private String operatorUrl() {
    if (url != null) {
      return url.replaceAll("/+$", "");
    }
    return NodeSpec.allInOne(operator)
        .map(NodeSpec::localUrl)
        .orElseThrow(
            () ->
                new CommandLine.ParameterException(
                    spec.commandLine(), "--operator: no operator " + operator));
  }

  /** Reads {@code 60s}, {@code 500ms}, {@code 5m}, {@code 1h} or a plain number of seconds. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String text = value.trim().toLowerCase(Locale.ROOT);
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      long amount = Long.parseLong(text.replaceAll("[smh]$", ""));
      return switch (text.charAt(text.length() - 1)) {
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> Duration.ofSeconds(amount);
      };
    }
  }
}
