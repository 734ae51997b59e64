package org.telco.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.telco.app.NodeSpec;
import org.telco.app.phone.PortCommand;
import org.telco.phone.contacts.AddressBookException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code telco demo}: scenarios played against a running platform, to watch it work without writing
 * curl commands.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Plays a scenario against the running platform.",
    subcommands = {
      DemoCommand.Lifecycle.class,
      DemoCommand.EmergencyCredit.class,
      DemoCommand.Autopay.class,
      DemoCommand.DeviceBinding.class,
      DemoCommand.Portability.class,
      DemoCommand.Traffic.class
    })
public final class DemoCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code telco demo lifecycle}: see {@link LifecycleDemo}. */
  @Command(
      name = "lifecycle",
      mixinStandardHelpOptions = true,
      description = {
        "Subscribe, top up, fees until barred, third-party top-up, suspension, refund.",
        "Needs ./telco serve --clock simulated."
      })
  static final class Lifecycle extends Scenario {
    @Override
    int play(PlatformClient api) {
      return new LifecycleDemo(api, System.out, new SecureRandom()).play();
    }
  }

  /** {@code telco demo emergency-credit}: see {@link EmergencyCreditDemo}. */
  @Command(
      name = "emergency-credit",
      mixinStandardHelpOptions = true,
      description = {
        "Barred for the first fee, an advance 30 minutes later, its bill at 08:00, repaid by a"
            + " top-up; a second number defaults and recovers.",
        "Needs ./telco serve --clock simulated."
      })
  static final class EmergencyCredit extends Scenario {
    @Override
    int play(PlatformClient api) {
      return new EmergencyCreditDemo(api, System.out, new SecureRandom()).play();
    }
  }

  /** {@code telco demo autopay}: see {@link AutopayDemo}. */
  @Command(
      name = "autopay",
      mixinStandardHelpOptions = true,
      description = {
        "An address book with a contact in each situation goes through the autopay agent.",
        "Needs ./telco serve --clock simulated."
      })
  static final class Autopay extends Scenario {
    @Override
    int play(PlatformClient api) {
      try {
        return new AutopayDemo(api, dataDirectory, url, System.out, new SecureRandom()).play();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (AddressBookException e) {
        System.err.println("the demo wrote an address book it cannot read: " + e.getMessage());
        return LifecycleDemo.FAILED;
      }
    }
  }

  /** {@code telco demo device-binding}: see {@link DeviceBindingDemo}. */
  @Command(
      name = "device-binding",
      mixinStandardHelpOptions = true,
      description = {
        "A TV box boots unbound, a phone texts BIND, the box buys a film charged to the phone,"
            + " passes its cap, and the phone unbinds it."
      })
  static final class DeviceBinding extends Scenario {
    @Override
    int play(PlatformClient api) {
      try {
        return new DeviceBindingDemo(api, dataDirectory, url, System.out, new SecureRandom())
            .play();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** {@code telco demo portability}: see {@link PortabilityDemo}. */
  @Command(
      name = "portability",
      mixinStandardHelpOptions = true,
      description = {
        "An alpha subscriber in arrears moves its number to beta through the clearinghouse; a"
            + " bank's SMS sent to alpha's SMPP port then arrives at beta.",
        "Needs ./telco serve --clock simulated."
      })
  static final class Portability extends Scenario {
    @Override
    int play(PlatformClient api) {
      try {
        return new PortabilityDemo(
                PortCommand.operatorUrls(),
                dataDirectory,
                NodeSpec.ALL_IN_ONE.stream()
                    .filter(node -> node.name().equals("alpha"))
                    .findFirst()
                    .orElseThrow()
                    .smppPort(),
                System.out,
                new SecureRandom())
            .play();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (Exception e) {
        System.err.println("the demo failed: " + e);
        return LifecycleDemo.FAILED;
      }
    }
  }

  /** {@code telco demo traffic}: see {@link TrafficDemo}. */
  @Command(
      name = "traffic",
      mixinStandardHelpOptions = true,
      description = {
        "A buyer buys data packs and two traffic cards, binds one to itself and one to a friend,"
            + " data sessions over Nchf show which bucket paid, and the video app's partner"
            + " settles its day once.",
        "Needs ./telco serve --clock simulated."
      })
  static final class Traffic extends Scenario {
    @Override
    int play(PlatformClient api) {
      return new TrafficDemo(api, System.out, new SecureRandom()).play();
    }
  }

  /**
   * What every scenario needs: operator alpha's URL and the keys from the data directory. The
   * options live here so that each scenario takes the same ones.
   */
  abstract static class Scenario implements Callable<Integer> {
    @Option(
        names = "--url",
        defaultValue = "http://127.0.0.1:8081",
        description = "operator alpha's URL (default: ${DEFAULT-VALUE})")
    String url;

    @Option(
        names = "--data-dir",
        defaultValue = "./data",
        description = "the platform's data directory, for its keys (default: ${DEFAULT-VALUE})")
    Path dataDirectory;

    /** Plays the scenario; its exit status. */
    abstract int play(PlatformClient api);

    @Override
    public Integer call() throws IOException {
      Path credentials = dataDirectory.resolve("credentials.json");
      if (!Files.isReadable(credentials)) {
        System.err.println("No " + credentials + ": start the platform with ./telco serve first.");
        return LifecycleDemo.FAILED;
      }
      PlatformClient api = PlatformClient.fromCredentials(url, dataDirectory, "alpha");
      try {
        return play(api);
      } catch (UncheckedIOException e) {
        System.err.println(e.getMessage() + ": is ./telco serve --clock simulated running?");
        return LifecycleDemo.FAILED;
      }
    }
  }
}
