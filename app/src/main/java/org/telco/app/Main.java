package org.telco.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.LogManager;
import org.telco.app.demo.DemoCommand;
import org.telco.app.phone.PhoneCommand;
import org.telco.app.smf.SmfCommand;
import org.telco.app.tvbox.DeviceCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code telco} command line: {@code telco serve} runs the platform, {@code telco demo} plays a
 * scenario against it, {@code telco phone} acts as a subscriber's phone, {@code telco device} as a
 * TV box, {@code telco smf} as an SMF whose data sessions are charged online.
 */
@Command(
    name = "telco",
    mixinStandardHelpOptions = true,
    version = "telco 0.1.0",
    description = "Prepaid core and number services for mobile operators and MVNOs.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      PhoneCommand.class,
      DeviceCommand.class,
      SmfCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    configureLogging();
    System.exit(new CommandLine(new Main()).execute(args));
  }

  /** One line per record, and no routine start-up chatter from the libraries. */
  private static void configureLogging() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (InputStream config = Main.class.getResourceAsStream("/telco-logging.properties")) {
      if (config != null) {
        LogManager.getLogManager().readConfiguration(config);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the logging configuration", e);
    }
  }
}
