package org.telco.bench;

import org.telco.bench.routing.RoutingBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code telco-bench} command line. Load drivers live in their own module, outside the product
 * and outside {@code mvn verify}, because they run for minutes and their figures only mean
 * something on a quiet machine.
 */
@Command(
    name = "telco-bench",
    mixinStandardHelpOptions = true,
    version = "telco-bench 0.1.0",
    description = "Load drivers for Telco's performance targets (see docs/benchmarks.md).",
    subcommands = {
      LedgerBench.class,
      BillingBench.class,
      EmergencyCreditBench.class,
      SmsBench.class,
      NchfBench.class,
      RoutingBench.class,
      CommandLine.HelpCommand.class
    })
public final class BenchMain {
  private BenchMain() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.setProperty(
        "java.util.logging.SimpleFormatter.format", "%1$tT %4$-7s %3$s - %5$s%6$s%n");
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }
}
