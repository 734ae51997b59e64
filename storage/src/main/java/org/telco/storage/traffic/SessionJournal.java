package org.telco.storage.traffic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.telco.charging.ChargingRef;
import org.telco.charging.ChargingSession;
import org.telco.charging.DailyUsage;
import org.telco.charging.SessionStore;
import org.telco.commit.GroupCommit;
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
 *
 * <p>A new session is not written when it is created but with its first save, which inserts it: the
 * create's first request is answered only after that save, so nothing a client was told about is
 * missing after a restart, and a create costs no transaction of its own. Until then it lives only
 * here, among the open sessions.
 */
public final class SessionJournal implements SessionStore, AutoCloseable {
  private static final int BATCH_MAX = 2_048;
  private static final Comparator<ChargingSession> OLDEST_FIRST =
      Comparator.comparing(ChargingSession::createdAt).thenComparing(s -> s.ref().value());

  private final PgSessionStore store;
  private final ConcurrentHashMap<ChargingRef, ChargingSession> open = new ConcurrentHashMap<>();
  private final Set<ChargingRef> unwritten = ConcurrentHashMap.newKeySet();
  private final GroupCommit<PgSessionStore.Save, Boolean> writer;

  /** A journal over {@code store}, its writer thread started. */
  public SessionJournal(PgSessionStore store) {
    this.store = store;
    this.writer = new GroupCommit<>("charging-journal", 1, BATCH_MAX, store::saveAll);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Only the open sessions in memory are asked, not the database: a create costs no round trip.
   * A ref drawn again after its first session ended (one chance in 2^128) is found by the first
   * save, whose insert then writes nothing and answers false.
   */
  @Override
  public void create(ChargingSession session) {
    if (open.putIfAbsent(session.ref(), session) != null) {
      throw new IllegalStateException("charging ref drawn twice: " + session.ref());
    }
    unwritten.add(session.ref());
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
    boolean insert = unwritten.contains(next.ref());
    if (insert && open.get(next.ref()).sequence() != expectedSequence) {
      return false;
    }
    PgSessionStore.Save save =
        new PgSessionStore.Save(next, expectedSequence, List.copyOf(usage), insert);
    boolean written = writer.submit(save).join();
    if (written) {
      unwritten.remove(next.ref());
      remember(next);
    } else if (!insert) {
      open.remove(next.ref());
    }
    return written;
  }

  @Override
  public List<ChargingSession> openOf(Msisdn msisdn) {
    List<ChargingSession> sessions = new ArrayList<>(store.openOf(msisdn));
    for (ChargingRef ref : unwritten) {
      ChargingSession fresh = open.get(ref);
      if (fresh != null && fresh.msisdn().equals(msisdn)) {
        sessions.add(fresh);
      }
    }
    sessions.sort(OLDEST_FIRST);
    return sessions;
  }

  @Override
  public List<DailyUsage> usage(Set<RatingGroup> groups, LocalDate from, LocalDate to) {
    return store.usage(groups, from, to);
  }

  /** Finishes the saves waiting and stops the writer. */
  @Override
  public void close() {
    writer.close();
  }

  private void remember(ChargingSession session) {
    if (session.isOpen()) {
      open.put(session.ref(), session);
    } else {
      open.remove(session.ref());
    }
  }
}
