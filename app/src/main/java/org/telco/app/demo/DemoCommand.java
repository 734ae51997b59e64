package org.telco.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
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
    subcommands = {DemoCommand.Lifecycle.class})
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
  static final class Lifecycle implements Callable<Integer> {
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

    @Override
    public Integer call() throws IOException {
      Path credentials = dataDirectory.resolve("credentials.json");
      if (!Files.isReadable(credentials)) {
        System.err.println("No " + credentials + ": start the platform with ./telco serve first.");
        return LifecycleDemo.FAILED;
      }
      PlatformClient api = PlatformClient.fromCredentials(url, dataDirectory, "alpha");
      try {
        return new LifecycleDemo(api, System.out, new SecureRandom()).play();
      } catch (UncheckedIOException e) {
        System.err.println(e.getMessage() + ": is ./telco serve --clock simulated running?");
        return LifecycleDemo.FAILED;
      }
    }
  }
}
