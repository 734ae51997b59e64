package org.telco.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores accepted messages with group commit, routed at once: a writer thread (of two, so that one
 * writes while the other's commit is flushed) takes everything waiting, routes it ({@link
 * SmsRouter#routeAll}, one subscriber lookup for the whole batch), stores it in one {@link
 * SmsStore#acceptRouted} call, then completes each message's future. A submit is answered only
 * after its future completes, so an acknowledged message is durable, and thousands of submits a
 * second share a few commits instead of paying one each.
 *
 * <p>Routing before the write means each message is written once in its routed state: into the
 * handset inbox as DELIVERED (its inbox row in the same transaction), AWAITING_PEER for the
 * forwarder, AWAITING_RECEIVER with what it owes its ESME, or UNDELIVERABLE with its receipt owed.
 * Only a message to a short code's service is stored ACCEPTED (by {@link SmsStore#accept}), for the
 * dispatcher to answer, since a service's answer is new messages. Crash safety is as before: a
 * crash before the commit loses only messages nobody was told were accepted; after it, each message
 * stands in a state the dispatcher (ACCEPTED), the forwarder (AWAITING_PEER) or the SMPP deliverer
 * (what is owed) picks up after a restart. If routing itself fails (the subscriber lookup), the
 * batch is stored ACCEPTED and the dispatcher routes it later.
 */
final class SmsJournal implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SmsJournal.class.getName());
  private static final int BATCH_MAX = 4_096;

  /**
   * Writer threads: while one waits for its commit to be flushed, the next can route and insert the
   * messages that arrived meanwhile, and PostgreSQL flushes both commits together when it can.
   */
  private static final int WRITERS = 2;

  private final SmsStore store;
  private final SmsRouter router;
  private final Clock clock;
  private final Runnable afterCommit;
  private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean open = true;

  private record Entry(ShortMessage message, CompletableFuture<Void> stored) {}

  SmsJournal(SmsStore store, SmsRouter router, Clock clock, Runnable afterCommit) {
    this.store = store;
    this.router = router;
    this.clock = clock;
    this.afterCommit = afterCommit;
    for (int i = 0; i < WRITERS; i++) {
      writers.add(Thread.ofPlatform().name("sms-journal-" + i).daemon().start(this::run));
    }
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
      store(batch.stream().map(Entry::message).toList());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not store " + batch.size() + " messages", e);
      batch.forEach(entry -> entry.stored().completeExceptionally(e));
      return;
    }
    batch.forEach(entry -> entry.stored().complete(null));
    afterCommit.run();
  }

  private void store(List<ShortMessage> messages) {
    List<Route> routes;
    try {
      routes = router.routeAll(messages);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot route " + messages.size() + " messages; storing them", e);
      store.accept(messages);
      return;
    }
    Instant now = clock.instant();
    List<ShortMessage> forServices = new ArrayList<>();
    List<Settlement> routed = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      Route route = routes.get(i);
      if (route instanceof Route.ToService) {
        forServices.add(messages.get(i));
      } else {
        routed.add(SmsDispatcher.step(messages.get(i), route, now));
      }
    }
    store.accept(forServices);
    store.acceptRouted(routed);
  }

  @Override
  public void close() {
    open = false;
    try {
      for (Thread writer : writers) {
        writer.join(5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
