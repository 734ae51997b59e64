package org.telco.app.tvbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.telco.app.NodeSpec;
import org.telco.app.demo.PlatformClient;
import org.telco.app.phone.AutopayCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code telco device}: a TV box of flow F3 (docs/devices.md), played against the running platform.
 * {@code register} is the factory's step (the operator registers the box it sells and the box keeps
 * its secret), {@code boot} powers it on, {@code buy} buys on it. What the box keeps lives in
 * {@code <data-dir>/devices/<id>.json}.
 */
@Command(
    name = "device",
    mixinStandardHelpOptions = true,
    description = "Acts as a TV box with number-bound payment (flow F3).",
    subcommands = {DeviceCommand.Register.class, DeviceCommand.Boot.class, DeviceCommand.Buy.class})
public final class DeviceCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The options every step takes: which device, at which operator, and the platform's keys. */
  abstract static class DeviceStep implements Callable<Integer> {
    /** Filled by picocli for each step, for its usage errors. */
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--id", required = true, description = "the device id, e.g. TVBOX-0001")
    String deviceId;

    @Option(
        names = "--operator",
        defaultValue = "alpha",
        description = "the operator that sold it (default: ${DEFAULT-VALUE})")
    String operator;

    @Option(
        names = "--url",
        description = "the operator's URL (default: its all-in-one port, alpha 8081)")
    String url;

    @Option(
        names = "--data-dir",
        defaultValue = "./data",
        description = "the platform's data directory, for its keys (default: ${DEFAULT-VALUE})")
    Path dataDirectory;

    Path flashFile() {
      return DeviceFlash.file(
          dataDirectory.resolve("devices"), deviceId.toUpperCase(java.util.Locale.ROOT));
    }

    String operatorUrl() {
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

    /** Runs the step; its exit status. */
    abstract int step() throws IOException;

    @Override
    public final Integer call() throws IOException {
      try {
        return step();
      } catch (UncheckedIOException e) {
        System.err.println(e.getMessage() + ": is ./telco serve running?");
        return 2;
      }
    }

    DeviceAgent agent() throws IOException {
      if (!Files.isReadable(flashFile())) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            deviceId
                + " was never registered here: run ./telco device register --id "
                + deviceId
                + " --data-sim <its data SIM's number> first");
      }
      String key = AutopayCommand.partnerKeys(credentials()).get(operator);
      return new DeviceAgent(flashFile(), key);
    }

    Path credentials() {
      Path credentials = dataDirectory.resolve("credentials.json");
      if (!Files.isReadable(credentials)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "No " + credentials + ": start the platform with ./telco serve first.");
      }
      return credentials;
    }
  }

  /** {@code telco device register}: the operator registers the box it sells. */
  @Command(
      name = "register",
      mixinStandardHelpOptions = true,
      description = "Registers the box with its operator (admin key) and keeps its secret.")
  static final class Register extends DeviceStep {
    @Option(names = "--data-sim", required = true, description = "the number of its data SIM")
    String dataSim;

    @Override
    int step() throws IOException {
      credentials();
      PlatformClient api = PlatformClient.fromCredentials(operatorUrl(), dataDirectory, operator);
      String body =
          new ObjectMapper()
              .writeValueAsString(java.util.Map.of("deviceId", deviceId, "dataSim", dataSim));
      PlatformClient.Answer answer = api.post("/devices", body);
      if (answer.status() != 201) {
        System.err.println("Refused (" + answer.status() + "): " + problem(answer.body()));
        return 1;
      }
      String id = answer.text("deviceId");
      DeviceFlash flash =
          new DeviceFlash(id, operatorUrl(), operator, dataSim, answer.text("secret"), null);
      deviceId = id;
      flash.write(flashFile());
      System.out.println(
          "Registered " + id + " at " + operator + "; its secret is kept in its flash.");
      return 0;
    }
  }

  /** {@code telco device boot}: powers the box on. */
  @Command(
      name = "boot",
      mixinStandardHelpOptions = true,
      description = {
        "Asks whether number-bound payment is active; if not, shows the prompt and waits for the",
        "activation SMS on the data SIM."
      })
  static final class Boot extends DeviceStep {
    @Option(
        names = "--wait",
        defaultValue = "300",
        description = "seconds to wait for the activation SMS (default: ${DEFAULT-VALUE})")
    long waitSeconds;

    @Override
    int step() throws IOException {
      DeviceAgent agent = agent();
      System.out.println("[" + agent.flash().deviceId() + "] booting");
      DeviceAgent.Boot boot =
          agent.boot(
              Duration.ofSeconds(waitSeconds),
              line -> System.out.println("[" + agent.flash().deviceId() + "] " + line));
      return boot == DeviceAgent.Boot.BOUND ? 0 : 3;
    }
  }

  /** {@code telco device buy}: buys on the box, charged to its paying number. */
  @Command(
      name = "buy",
      mixinStandardHelpOptions = true,
      description = "Buys an item on the box, charged to the number bound to it.")
  static final class Buy extends DeviceStep {
    @Option(names = "--item", required = true, description = "what to buy, e.g. \"Film: Hero\"")
    String item;

    @Option(names = "--amount", required = true, description = "its price in fen")
    long amountFen;

    @Option(
        names = "--purchase-id",
        description = "the purchase's id; give the same one to retry (default: a new one)")
    String purchaseId;

    @Override
    int step() throws IOException {
      DeviceAgent agent = agent();
      if (!agent.flash().hasToken()) {
        System.err.println(deviceId + " is not bound: run ./telco device boot --id " + deviceId);
        return 3;
      }
      String id = purchaseId != null ? purchaseId : newPurchaseId();
      DeviceAgent.Purchase purchase = agent.buy(id, item, amountFen);
      if (purchase.charged()) {
        JsonNode body = purchase.body();
        System.out.printf(
            "Bought %s for %d fen (purchase %s%s); this month %d of %d fen.%n",
            item,
            amountFen,
            id,
            purchase.status() == 200 ? ", charged before" : "",
            body.path("monthSpentFen").asLong(),
            body.path("monthCapFen").asLong());
        return 0;
      }
      System.err.println("Refused (" + purchase.status() + "): " + problem(purchase.body()));
      return 1;
    }
  }

  /** A purchase id the device makes up: unique enough for one device, and printable. */
  static String newPurchaseId() {
    byte[] bytes = new byte[8];
    new SecureRandom().nextBytes(bytes);
    return "p-" + HexFormat.of().formatHex(bytes);
  }

  static String problem(JsonNode body) {
    String code = body.path("code").asText("");
    String detail = body.path("detail").asText("");
    return code.isEmpty() ? body.toString() : code + ": " + detail;
  }
}
