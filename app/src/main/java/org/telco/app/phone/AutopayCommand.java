package org.telco.app.phone;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.telco.phone.autopay.AddressBookAutopay;
import org.telco.phone.autopay.AddressBookAutopay.ContactResult;
import org.telco.phone.autopay.AutopaySettings;
import org.telco.phone.autopay.HttpNetworkSide;
import org.telco.phone.autopay.SummaryTable;
import org.telco.phone.contacts.AddressBookException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code telco phone autopay}: the address-book agent of flow F2 (docs/phone.md) over a vCard file.
 * It reads the partner keys of every operator from the platform's {@code credentials.json}, as a
 * payment app holds the keys its operators issued.
 */
@Command(
    name = "autopay",
    mixinStandardHelpOptions = true,
    description = {
      "Pays for address-book contacts whose lines are barred, and marks who suspended on purpose.",
      "Writes the vCard back with each contact's group (CATEGORIES) and colour."
    })
public final class AutopayCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--contacts", required = true, description = "the vCard file (.vcf)")
  Path contacts;

  @Option(names = "--payer", required = true, description = "who pays: your own number")
  String payer;

  @Option(
      names = "--preset",
      defaultValue = "500",
      description = "first small payment, fen (default: ${DEFAULT-VALUE})")
  long presetFen;

  @Option(
      names = "--amount",
      defaultValue = "3000",
      description = "top-up once open, fen (default: ${DEFAULT-VALUE})")
  long amountFen;

  @Option(
      names = "--cap",
      defaultValue = "20000",
      description = "most paid per contact number, fen (default: ${DEFAULT-VALUE})")
  long capFen;

  @Option(
      names = "--run-cap",
      defaultValue = "100000",
      description = "most paid per run, fen (default: ${DEFAULT-VALUE})")
  long runCapFen;

  @Option(names = "--dry-run", description = "ask the network, pay nothing, leave the file alone")
  boolean dryRun;

  @Option(names = "--every", description = "run again after this long, e.g. 1h, 30m, 90s")
  String every;

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:8081",
      description = "your operator's URL (default: ${DEFAULT-VALUE})")
  String url;

  @Option(
      names = "--operator",
      defaultValue = "alpha",
      description = "your operator's id (default: ${DEFAULT-VALUE})")
  String operator;

  @Option(
      names = "--data-dir",
      defaultValue = "./data",
      description = "the platform's data directory, for its keys (default: ${DEFAULT-VALUE})")
  Path dataDirectory;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path credentials = dataDirectory.resolve("credentials.json");
    if (!Files.isReadable(credentials)) {
      System.err.println("No " + credentials + ": start the platform with ./telco serve first.");
      return 2;
    }
    Duration pause = every == null ? null : duration(every);
    AddressBookAutopay autopay =
        new AddressBookAutopay(
            new HttpNetworkSide(url.replaceAll("/+$", ""), operator, partnerKeys(credentials)),
            new AutopaySettings(payer, presetFen, amountFen, capFen, runCapFen, dryRun),
            Clock.systemUTC(),
            System.err);
    while (true) {
      try {
        List<ContactResult> results = autopay.run(contacts);
        SummaryTable.print(results, dryRun, System.out);
      } catch (AddressBookException e) {
        System.err.println(e.getMessage() + "; nothing was paid.");
        return 1;
      }
      if (pause == null) {
        return 0;
      }
      System.out.println("next run in " + every + " (Ctrl-C to stop)");
      Thread.sleep(pause);
    }
  }

  /** Every node's partner key, by node name (an operator's node is named by its id). */
  public static Map<String, String> partnerKeys(Path credentials) throws IOException {
    Map<String, String> keys = new HashMap<>();
    JSON.readTree(credentials.toFile())
        .path("nodes")
        .properties()
        .forEach(node -> keys.put(node.getKey(), node.getValue().path("partnerApiKey").asText()));
    return keys;
  }

  /** {@code 1h}, {@code 30m}, {@code 90s} or an ISO-8601 duration. */
  static Duration duration(String text) {
    String lower = text.strip().toLowerCase(java.util.Locale.ROOT);
    try {
      if (lower.startsWith("p")) {
        return Duration.parse(lower.toUpperCase(java.util.Locale.ROOT));
      }
      long value = Long.parseLong(lower.substring(0, lower.length() - 1));
      return switch (lower.charAt(lower.length() - 1)) {
        case 'h' -> Duration.ofHours(value);
        case 'm' -> Duration.ofMinutes(value);
        case 's' -> Duration.ofSeconds(value);
        default -> throw new IllegalArgumentException(text);
      };
    } catch (RuntimeException e) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(new AutopayCommand()),
          "--every: say 1h, 30m or 90s, not " + text);
    }
  }
}
