package org.telco.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.telco.engine.ShardedLedger;
import org.telco.ledger.AccountResult;
import org.telco.ledger.NewAccount;
import org.telco.ledger.TransferRequest;
import org.telco.ledger.TransferResult;

/**
 * How a benchmark's seed feeds a base of subscribers to the ledger engine: in chunks of serials,
 * with a few requests in flight so the engine's shards group-commit while the next chunk is built,
 * and every answer checked, since a seed that lost an account would make the measured run
 * meaningless.
 */
final class LedgerSeeding {
  /** Serials per ledger request. */
  private static final int CHUNK = 10_000;

  /** Ledger requests in flight. */
  private static final int IN_FLIGHT = 8;

  private LedgerSeeding() {}

  /**
   * Opens the accounts of serials 0 to {@code count} - 1, each serial's from {@code accountsOf}.
   */
  static void openAccounts(
      ShardedLedger ledger, int count, IntFunction<List<NewAccount>> accountsOf) {
    pipelined(
        count,
        (from, to) -> {
          List<NewAccount> chunk = new ArrayList<>();
          for (int serial = from; serial < to; serial++) {
            chunk.addAll(accountsOf.apply(serial));
          }
          return ledger.open(chunk);
        },
        results -> {
          for (AccountResult result : results) {
            if (!(result instanceof AccountResult.Opened)) {
              throw new IllegalStateException("cannot open account: " + result);
            }
          }
        });
  }

  /**
   * Submits the transfer of each serial that has one, every one of which must be accepted.
   *
   * @param what what the transfers do, for the failure message
   */
  static void submit(
      ShardedLedger ledger,
      int count,
      IntFunction<Optional<TransferRequest>> transferOf,
      String what) {
    pipelined(
        count,
        (from, to) -> {
          List<TransferRequest> chunk = new ArrayList<>();
          for (int serial = from; serial < to; serial++) {
            transferOf.apply(serial).ifPresent(chunk::add);
          }
          return ledger.submit(chunk);
        },
        results -> {
          for (TransferResult result : results) {
            if (!(result instanceof TransferResult.Accepted)) {
              throw new IllegalStateException("cannot " + what + ": " + result);
            }
          }
        });
  }

  private static <T> void pipelined(int count, Chunk<T> send, Consumer<List<T>> check) {
    Deque<CompletableFuture<List<T>>> inFlight = new ArrayDeque<>();
    for (int from = 0; from < count; from += CHUNK) {
      inFlight.add(send.of(from, Math.min(count, from + CHUNK)));
      if (inFlight.size() >= IN_FLIGHT) {
        check.accept(inFlight.poll().join());
      }
    }
    while (!inFlight.isEmpty()) {
      check.accept(inFlight.poll().join());
    }
  }

  /** One request for the serials {@code from} (inclusive) to {@code to} (exclusive). */
  @FunctionalInterface
  private interface Chunk<T> {
    CompletableFuture<List<T>> of(int from, int to);
  }
}
