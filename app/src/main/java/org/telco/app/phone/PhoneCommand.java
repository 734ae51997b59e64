package org.telco.app.phone;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code telco phone}: the terminal agents, acting for a subscriber against a running platform as a
 * phone would.
 */
@Command(
    name = "phone",
    mixinStandardHelpOptions = true,
    description = "Acts as a subscriber's phone against the running platform.",
    subcommands = {AutopayCommand.class, PortCommand.class})
public final class PhoneCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
