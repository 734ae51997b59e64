package org.telco.storage.traffic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.telco.charging.ChargingRef;
import org.telco.charging.ChargingSession;
import org.telco.charging.DailyUsage;
import org.telco.charging.SessionStore;
import org.telco.subscriber.Msisdn;
import org.telco.traffic.RatingGroup;

/**
 * A {@link SessionStore} that writes charging sessions by <b>group commit</b>: every save waiting
 * when the writer thread comes round goes into one PostgreSQL transaction ({@link
 * PgSessionStore#saveAll}), and each caller is answered only after that commit. One writer means no
 * two transactions ever wait on the same daily-usage row, and a thousand requests share one fsync
 * instead of paying one each. Open sessions are also kept in memory as last written, so a request
 * reads its session without a round trip; this node is the only writer of its sessions, and a
 * session is cached only once its row is committed, so the copy is never ahead of the database.
 */
public final class SessionJournal implements SessionStore, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SessionJournal.class.getName());
  private static final int BATCH_MAX = 2_048;

  private record Pending(PgSessionStore.Save save, CompletableFuture<Boolean> written) {}

  private final PgSessionStore store;
  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(16_384);
  private final ConcurrentHashMap<ChargingRef, ChargingSession> open = new ConcurrentHashMap<>();
  private final Thread writer;
  private volatile boolean running = true;

  /** A journal over {@code store}, its writer thread started. */
  public SessionJournal(PgSessionStore store) {
    this.store = store;
    this.writer = Thread.ofPlatform().name("charging-journal").daemon().start(this::writeForever);
  }

  @Override
  public void create(ChargingSession session) {
    store.create(session);
    remember(session);
  }

  @Override
  public Optional<ChargingSession> find(ChargingRef ref) {
    ChargingSession cached = open.get(ref);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<ChargingSession> stored = store.find(ref);
    stored.ifPresent(this::remember);
    return stored;
  }

  @Override
  public boolean save(ChargingSession next, long expectedSequence, Collection<DailyUsage> usage) {
    Pending pending =
        new Pending(
            new PgSessionStore.Save(next, expectedSequence, List.copyOf(usage)),
            new CompletableFuture<>());
    try {
      queue.put(pending);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrafficStoreFailure("interrupted saving " + next.ref(), e);
    }
    boolean written = pending.written().join();
    if (written) {
      remember(next);
    } else {
      open.remove(next.ref());
    }
    return written;
  }

  @Override
  public List<ChargingSession> openOf(Msisdn msisdn) {
    return store.openOf(msisdn);
  }

  @Override
  public List<DailyUsage> usage(Set<RatingGroup> groups, LocalDate from, LocalDate to) {
    return store.usage(groups, from, to);
  }

  /** Finishes the saves waiting and stops the writer. */
  @Override
  public void close() {
    running = false;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void remember(ChargingSession session) {
    if (session.isOpen()) {
      open.put(session.ref(), session);
    } else {
      open.remove(session.ref());
    }
  }

  private void writeForever() {
    List<Pending> batch = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
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

  private void write(List<Pending> batch) {
    try {
      List<Boolean> written = store.saveAll(batch.stream().map(Pending::save).toList());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).written().complete(written.get(i));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a batch of " + batch.size() + " session saves failed", e);
      batch.forEach(p -> p.written().completeExceptionally(e));
    }
  }
}
