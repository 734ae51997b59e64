package org.telco.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code telco} command line: {@code telco serve} runs the platform. */
@Command(
    name = "telco",
    mixinStandardHelpOptions = true,
    version = "telco 0.1.0",
    description = "Prepaid core and number services for mobile operators and MVNOs.",
    subcommands = {ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.setProperty(
        "java.util.logging.SimpleFormatter.format", "%1$tT %4$-7s %3$s - %5$s%6$s%n");
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
