package org.telco.app.phone;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import org.telco.app.NodeSpec;
import org.telco.phone.porting.PortingApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code telco phone port}: the porting app of flow F4 (docs/portability.md) moving a number to
 * another operator. The service password is asked for on the terminal when not given, so it need
 * not appear in the shell's history.
 */
@Command(
    name = "port",
    mixinStandardHelpOptions = true,
    description = "Moves your number to another operator, keeping it (number portability).")
public final class PortCommand implements Callable<Integer> {
  @Option(names = "--msisdn", required = true, description = "your number")
  String msisdn;

  @Option(names = "--password", description = "its service password (asked for when absent)")
  char[] password;

  @Option(names = "--to", required = true, description = "the operator to move to, e.g. beta")
  String recipient;

  @Option(
      names = "--plan",
      defaultValue = "standard",
      description = "the plan to take there (default: ${DEFAULT-VALUE})")
  String planId;

  @Option(names = "--new-password", description = "the service password there (default: the same)")
  char[] newPassword;

  @Option(names = "--port-id", description = "the port's id; give it again to retry (default: new)")
  String portId;

  @Option(
      names = "--data-dir",
      defaultValue = "./data",
      description = "the platform's data directory, for its keys (default: ${DEFAULT-VALUE})")
  Path dataDirectory;

  @Override
  public Integer call() throws IOException {
    Path credentials = dataDirectory.resolve("credentials.json");
    if (!Files.isReadable(credentials)) {
      System.err.println("No " + credentials + ": start the platform with ./telco serve first.");
      return 2;
    }
    char[] secret = password != null ? password : ask("Service password of " + msisdn + ": ");
    char[] next = newPassword != null ? newPassword : secret.clone();
    String id =
        portId != null
            ? portId
            : "port-" + HexFormat.of().toHexDigits(new SecureRandom().nextLong());
    System.out.println("Port " + id + " of " + msisdn + " to " + recipient);
    PortingApp app =
        new PortingApp(
            operatorUrls(),
            AutopayCommand.partnerKeys(credentials),
            new SecureRandom(),
            System.out);
    PortingApp.Answer answer;
    try {
      answer = app.port(new PortingApp.Request(id, msisdn, secret, recipient, planId, next));
    } catch (UncheckedIOException e) {
      System.err.println(e.getMessage() + ": is ./telco serve running?");
      return 2;
    } finally {
      Arrays.fill(secret, '\0');
      Arrays.fill(next, '\0');
    }
    return report(answer);
  }

  private static int report(PortingApp.Answer answer) {
    JsonNode port = answer.body().path("port");
    if (answer.status() != 200) {
      System.err.println(
          "Refused ("
              + answer.status()
              + "): "
              + answer.body().path("code").asText()
              + ": "
              + answer.body().path("detail").asText());
      return 1;
    }
    String state = port.path("state").asText();
    if (state.equals("COMPLETED") || state.equals("SETTLED")) {
      System.out.printf(
          "Ported: the number is now %s's (%s); compensation %d fen settled between the operators.%n",
          port.path("recipient").asText(),
          answer.body().path("subscriberStatus").asText(),
          port.path("compensationFen").asLong());
      return 0;
    }
    System.err.println("Not ported: " + state + " " + port.path("reason").asText(""));
    return 1;
  }

  private static char[] ask(String prompt) {
    if (System.console() == null) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(new PortCommand()), "--password is needed without a terminal");
    }
    return System.console().readPassword(prompt);
  }

  /** Each node's URL on its all-in-one port, by node name. */
  public static Map<String, String> operatorUrls() {
    Map<String, String> urls = new HashMap<>();
    for (NodeSpec node : NodeSpec.ALL_IN_ONE) {
      urls.put(node.name(), node.localUrl());
    }
    return urls;
  }
}
