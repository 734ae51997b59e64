package org.telco.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.telco.commit.GroupCommit;

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
  private final GroupCommit<ShortMessage, Void> writers;
  private final LongAdder stored = new LongAdder();

  SmsJournal(SmsStore store, SmsRouter router, Clock clock, Runnable afterCommit) {
    this.store = store;
    this.router = router;
    this.clock = clock;
    this.afterCommit = afterCommit;
    this.writers = new GroupCommit<>("sms-journal", WRITERS, BATCH_MAX, this::write);
  }

  /** Completes once {@code message} is stored. */
  CompletableFuture<Void> append(ShortMessage message) {
    return writers.submit(message);
  }

  /** Stores a batch, then runs the after-commit hook; one null result per message. */
  private List<Void> write(List<ShortMessage> batch) {
    store(batch);
    stored.add(batch.size());
    afterCommit.run();
    return Collections.nCopies(batch.size(), null);
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

  /** How many messages this journal has stored since it started. */
  long storedCount() {
    return stored.sum();
  }

  @Override
  public void close() {
    writers.close();
  }
}
