package org.telco.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code smpp/net-smpp-client.pl}, an ESME on Debian's Net::SMPP (package {@code
 * libnet-smpp-perl}): it binds as transceiver, submits one message asking for a receipt, waits for
 * the receipt and unbinds, printing {@code key=value} lines on the way.
 */
final class NetSmppClient {
  private static final String PACKAGE = "libnet-smpp-perl";
  private static final long APT_MINUTES = 10;

  /**
   * What a run printed and how it ended.
   *
   * @param exitCode 0 when all went well, 2 when the bind was refused
   * @param lines everything it printed, standard error included
   */
  record Run(int exitCode, List<String> lines) {
    /** The value of the first {@code key=value} line, if any. */
    Optional<String> value(String key) {
      return lines.stream()
          .filter(line -> line.startsWith(key + "="))
          .map(line -> line.substring(key.length() + 1))
          .findFirst();
    }
  }

  private NetSmppClient() {}

  /**
   * Installs {@value #PACKAGE} with apt-get when Perl cannot load Net::SMPP (running apt-get update
   * first if a plain install fails; through {@code sudo -n} when not root).
   *
   * @throws AssertionError when Net::SMPP still cannot be loaded, saying what apt-get answered
   */
  static void ensureInstalled() throws IOException, InterruptedException {
    if (perlHasNetSmpp()) {
      return;
    }
    List<String> apt = new ArrayList<>();
    if (!isRoot()) {
      apt.addAll(List.of("sudo", "-n"));
    }
    apt.add("apt-get");
    StringBuilder output = new StringBuilder();
    Result install = command(with(apt, "install", "-y", PACKAGE), APT_MINUTES);
    output.append(install.output());
    if (install.exitCode() != 0) {
      output.append(command(with(apt, "update"), APT_MINUTES).output());
      output.append(command(with(apt, "install", "-y", PACKAGE), APT_MINUTES).output());
    }
    if (!perlHasNetSmpp()) {
      throw new AssertionError(
          "Perl's Net::SMPP is missing and "
              + PACKAGE
              + " could not be installed with "
              + String.join(" ", apt)
              + "; install it by hand. apt-get said:\n"
              + output);
    }
  }

  /** Runs the client against an SMPP server on localhost; it gives up by itself after 30 s. */
  static Run run(
      int port, String systemId, String password, String source, String destination, String text)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile("net-smpp-client", ".pl");
    try (InputStream resource =
        NetSmppClient.class.getResourceAsStream("/smpp/net-smpp-client.pl")) {
      if (resource == null) {
        throw new AssertionError("smpp/net-smpp-client.pl is not on the test classpath");
      }
      Files.copy(resource, script, StandardCopyOption.REPLACE_EXISTING);
    }
    try {
      Result result =
          command(
              List.of(
                  "perl",
                  script.toString(),
                  Integer.toString(port),
                  systemId,
                  password,
                  source,
                  destination,
                  text),
              2);
      return new Run(result.exitCode(), result.output().lines().toList());
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private static boolean perlHasNetSmpp() throws InterruptedException {
    try {
      return command(List.of("perl", "-MNet::SMPP", "-e", "1"), 1).exitCode() == 0;
    } catch (IOException noPerl) {
      return false;
    }
  }

  private static boolean isRoot() throws InterruptedException {
    try {
      return command(List.of("id", "-u"), 1).output().strip().equals("0");
    } catch (IOException noId) {
      return false;
    }
  }

  private static List<String> with(List<String> prefix, String... arguments) {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(arguments));
    return command;
  }

  private record Result(int exitCode, String output) {}

  /** Runs {@code command} to its end, or kills it after {@code minutes}. */
  private static Result command(List<String> command, long minutes)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process process = builder.start();
    process.getOutputStream().close();
    // Output is read on a virtual thread so that a full pipe cannot stall the process.
    StringBuilder output = new StringBuilder();
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (InputStream in = process.getInputStream()) {
                    output.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                  } catch (IOException e) {
                    output.append("(output lost: ").append(e).append(')');
                  }
                });
    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      reader.join(TimeUnit.SECONDS.toMillis(10));
      return new Result(-1, output + "\n(killed after " + minutes + " min: " + command + ")");
    }
    reader.join();
    return new Result(process.exitValue(), output.toString());
  }
}
