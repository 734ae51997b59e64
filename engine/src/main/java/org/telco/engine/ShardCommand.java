package org.telco.engine;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.telco.ledger.Ledger;

/**
 * One unit of work for a shard: applied to the shard's ledger in queue order, answered only after
 * the batch it joined is durable, or, for a read that no change of its batch precedes, at once.
 *
 * @param <R> what the caller gets back
 */
abstract class ShardCommand<R> {
  private final CompletableFuture<R> answer = new CompletableFuture<>();
  private R result;

  /** How many transfers or accounts the command carries, for sizing batches. */
  abstract int weight();

  /**
   * Whether the command only reads. A read applied before any change of its batch sees only what
   * earlier, committed batches did, so the shard answers it without waiting for this batch's
   * commit.
   */
  boolean readsOnly() {
    return false;
  }

  /** Applies the command in memory and keeps its result until the commit. */
  final void apply(Ledger ledger, Instant now) {
    result = run(ledger, now);
  }

  /** The command's effect on the ledger. */
  abstract R run(Ledger ledger, Instant now);

  /** Called by the shard thread after the commit: the result may now be seen. */
  void acknowledge() {
    answer.complete(result);
  }

  /** Called when the batch could not be committed: nothing of it happened. */
  final void fail(Throwable cause) {
    answer.completeExceptionally(cause);
  }

  /** The result the caller waits for. */
  final CompletableFuture<R> answer() {
    return answer;
  }

  /** The in-memory result, for the shard's bookkeeping before acknowledging. */
  final R result() {
    return result;
  }
}
