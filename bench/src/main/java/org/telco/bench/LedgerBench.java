package org.telco.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.telco.engine.EngineSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code telco-bench ledger}: committed transfers per second through the sharded engine with
 * durable commits, against a naive one-transaction-per-transfer ledger on the same embedded
 * PostgreSQL. Both databases are audited afterwards; the exit status is non-zero when an audit
 * fails, so a fast but wrong engine never passes.
 */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = "Measures the ledger engine against a naive PostgreSQL ledger (fsync on).")
final class LedgerBench implements Callable<Integer> {
  @Option(
      names = "--accounts",
      defaultValue = "100000",
      description = "customer accounts (default: ${DEFAULT-VALUE})")
  int accounts;

  @Option(
      names = "--submitters",
      defaultValue = "64",
      description = "client threads (default: ${DEFAULT-VALUE})")
  int submitters;

  @Option(
      names = "--seconds",
      defaultValue = "60",
      description = "measured seconds per run (default: ${DEFAULT-VALUE})")
  int seconds;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "10",
      description = "warmup seconds per run (default: ${DEFAULT-VALUE})")
  int warmupSeconds;

  @Option(
      names = "--batch",
      defaultValue = "100",
      description = "transfers per engine request (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(
      names = "--shards",
      defaultValue = "2",
      description = "engine shards (default: ${DEFAULT-VALUE})")
  int shards;

  @Option(
      names = "--baseline",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "also run the naive baseline (default: ${DEFAULT-VALUE}; --no-baseline skips it)")
  boolean baseline;

  @Option(
      names = "--data-dir",
      description =
          "PostgreSQL data directory, kept afterwards (default: a temporary one, deleted)")
  Path dataDir;

  @Option(names = "--pg-port", description = "PostgreSQL port (default: a free one)")
  Integer postgresPort;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    LoadShape shape;
    try {
      shape =
          new LoadShape(
              accounts,
              submitters,
              Duration.ofSeconds(warmupSeconds),
              Duration.ofSeconds(seconds),
              batch,
              shards);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintStream out = System.out;
    BenchReport report = new BenchReport(out);
    out.printf(
        "ledger benchmark: %,d accounts, %d submitters, %d s warmup + %d s measured per run, batch %d, %d shard(s)%n",
        accounts, submitters, warmupSeconds, seconds, batch, shards);
    report.machine();
    try (BenchPostgres postgres = BenchPostgres.start(dataDir, postgresPort)) {
      if (!report.durable(postgres)) {
        return 1;
      }
      RunResult engine = new EngineLoad(postgres, shape, EngineSettings.DEFAULT).run();
      report.run(engine);
      RunResult naive = null;
      if (baseline) {
        naive = new NaiveLoad(postgres, shape).run();
        report.run(naive);
      }
      report.summary(engine, naive);
      return engine.passed() && (naive == null || naive.passed()) ? 0 : 1;
    }
  }
}
