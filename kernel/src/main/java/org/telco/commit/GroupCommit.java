package org.telco.commit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes callers' items in batches: writer threads each take everything waiting (up to a batch
 * limit), hand it to the {@link Writer} in one call (typically one database transaction), and only
 * then complete each item's future with its result, or all of them exceptionally if the write
 * failed. So a caller that waits for its future knows its item is durable, and a thousand callers a
 * second share a few commits instead of paying one each. The SMS centre's journal and the charging
 * sessions' journal both write this way.
 *
 * @param <I> what callers submit
 * @param <R> what the writer answers per item
 */
public final class GroupCommit<I, R> implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

  /**
   * Makes a batch durable.
   *
   * @param <I> the items
   * @param <R> the result per item
   */
  @FunctionalInterface
  public interface Writer<I, R> {
    /**
     * Writes {@code batch} and answers one result per item, in order. Throwing fails the whole
     * batch: nothing of it may be durable then, or the caller's retry must be harmless.
     */
    List<R> write(List<I> batch);
  }

  private record Entry<I, R>(I item, CompletableFuture<R> done) {}

  private final String name;
  private final int batchMax;
  private final Writer<I, R> writer;
  private final BlockingQueue<Entry<I, R>> queue = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean open = true;

  /**
   * Starts {@code writers} writer threads named after {@code name}. More than one lets one batch be
   * built while another's commit is flushed.
   */
  public GroupCommit(String name, int writers, int batchMax, Writer<I, R> writer) {
    this.name = Objects.requireNonNull(name, "name");
    this.writer = Objects.requireNonNull(writer, "writer");
    if (writers < 1 || batchMax < 1) {
      throw new IllegalArgumentException("at least one writer and one item per batch");
    }
    this.batchMax = batchMax;
    for (int i = 0; i < writers; i++) {
      threads.add(Thread.ofPlatform().name(name + "-" + i).daemon().start(this::run));
    }
  }

  /** Queues {@code item}; the future completes once its batch is written. */
  public CompletableFuture<R> submit(I item) {
    CompletableFuture<R> done = new CompletableFuture<>();
    if (!open) {
      done.completeExceptionally(new IllegalStateException(name + " is closed"));
      return done;
    }
    queue.add(new Entry<>(item, done));
    return done;
  }

  /** Writes what is waiting, then stops the writers (waiting up to 10 s for them). */
  @Override
  public void close() {
    open = false;
    try {
      for (Thread thread : threads) {
        thread.join(10_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    List<Entry<I, R>> batch = new ArrayList<>();
    while (open || !queue.isEmpty()) {
      try {
        Entry<I, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, batchMax - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Entry<I, R>> batch) {
    List<R> results;
    try {
      results = writer.write(batch.stream().map(Entry::item).toList());
      if (results.size() != batch.size()) {
        throw new IllegalStateException(
            name + ": " + results.size() + " results for " + batch.size() + " items");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, name + ": a batch of " + batch.size() + " failed", e);
      batch.forEach(entry -> entry.done().completeExceptionally(e));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done().complete(results.get(i));
    }
  }
}
