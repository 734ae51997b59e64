package org.telco.charging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.telco.subscriber.Msisdn;
import org.telco.traffic.RatingGroup;

/** The reference {@link SessionStore}: maps under one lock. */
public final class InMemorySessionStore implements SessionStore {
  private record DayAndGroup(LocalDate day, RatingGroup group) {}

  private final Map<ChargingRef, ChargingSession> sessions = new HashMap<>();
  private final Map<DayAndGroup, Long> usage = new HashMap<>();

  @Override
  public synchronized void create(ChargingSession session) {
    if (sessions.putIfAbsent(session.ref(), session) != null) {
      throw new IllegalStateException("charging ref drawn twice: " + session.ref());
    }
  }

  @Override
  public synchronized Optional<ChargingSession> find(ChargingRef ref) {
    return Optional.ofNullable(sessions.get(ref));
  }

  @Override
  public synchronized boolean save(
      ChargingSession next, long expectedSequence, Collection<DailyUsage> reported) {
    ChargingSession stored = sessions.get(next.ref());
    if (stored == null || stored.sequence() != expectedSequence) {
      return false;
    }
    // The new totals first: an overflow must leave the session and every total as they were.
    Map<DayAndGroup, Long> totals = new HashMap<>();
    for (DailyUsage u : reported) {
      DayAndGroup key = new DayAndGroup(u.day(), u.ratingGroup());
      totals.merge(key, u.bytes(), Math::addExact);
    }
    totals.replaceAll((key, bytes) -> Math.addExact(usage.getOrDefault(key, 0L), bytes));
    sessions.put(next.ref(), next);
    usage.putAll(totals);
    return true;
  }

  @Override
  public synchronized List<ChargingSession> openOf(Msisdn msisdn) {
    return sessions.values().stream()
        .filter(s -> s.msisdn().equals(msisdn) && s.isOpen())
        .sorted(
            Comparator.comparing(ChargingSession::createdAt).thenComparing(s -> s.ref().value()))
        .toList();
  }

  @Override
  public synchronized List<DailyUsage> usage(
      Set<RatingGroup> groups, LocalDate from, LocalDate to) {
    List<DailyUsage> found = new ArrayList<>();
    usage.forEach(
        (key, bytes) -> {
          if (groups.contains(key.group()) && !key.day().isBefore(from) && !key.day().isAfter(to)) {
            found.add(new DailyUsage(key.day(), key.group(), bytes));
          }
        });
    found.sort(Comparator.comparing(DailyUsage::day).thenComparing(DailyUsage::ratingGroup));
    return found;
  }
}
