package org.telco.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores accepted messages with group commit: one writer thread takes everything waiting and stores
 * it in one {@link SmsStore#accept} call, then completes each message's future. A submit is
 * answered only after its future completes, so an acknowledged message is durable, and thousands of
 * submits a second share a few commits instead of paying one each.
 */
final class SmsJournal implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SmsJournal.class.getName());
  private static final int BATCH_MAX = 4_096;

  private final SmsStore store;
  private final Runnable afterCommit;
  private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean open = true;

  private record Entry(ShortMessage message, CompletableFuture<Void> stored) {}

  SmsJournal(SmsStore store, Runnable afterCommit) {
    this.store = store;
    this.afterCommit = afterCommit;
    this.writer = Thread.ofPlatform().name("sms-journal").daemon().start(this::run);
  }

  /** Completes once {@code message} is stored. */
  CompletableFuture<Void> append(ShortMessage message) {
    CompletableFuture<Void> stored = new CompletableFuture<>();
    if (!open) {
      stored.completeExceptionally(new IllegalStateException("the SMS centre is closed"));
      return stored;
    }
    queue.add(new Entry(message, stored));
    return stored;
  }

  private void run() {
    List<Entry> batch = new ArrayList<>();
    while (open || !queue.isEmpty()) {
      try {
        Entry first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, BATCH_MAX - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Entry> batch) {
    try {
      store.accept(batch.stream().map(Entry::message).toList());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not store " + batch.size() + " messages", e);
      batch.forEach(entry -> entry.stored().completeExceptionally(e));
      return;
    }
    batch.forEach(entry -> entry.stored().complete(null));
    afterCommit.run();
  }

  @Override
  public void close() {
    open = false;
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
