package org.telco.charging;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.telco.subscriber.Msisdn;
import org.telco.traffic.RatingGroup;

/**
 * Where charging sessions and the daily usage of apps are kept (port), so sessions survive a
 * restart. {@link InMemorySessionStore} is the reference implementation. The usage a request
 * reports is added in the same write as the session that applied it, so a retransmitted request
 * (which changes nothing) never counts twice.
 */
public interface SessionStore {
  /**
   * Stores a new session.
   *
   * @throws IllegalStateException when a session with its ref is stored already (drawn twice)
   */
  void create(ChargingSession session);

  /** The session with this ref. */
  Optional<ChargingSession> find(ChargingRef ref);

  /**
   * Replaces the stored session by {@code next} and adds {@code usage} to the daily totals, both or
   * neither, if the stored one is still at {@code expectedSequence}.
   *
   * @return whether it was written
   */
  boolean save(ChargingSession next, long expectedSequence, Collection<DailyUsage> usage);

  /** The subscriber's OPEN sessions, oldest first (then by ref). */
  List<ChargingSession> openOf(Msisdn msisdn);

  /**
   * The daily usage of {@code groups} from {@code from} to {@code to}, both included, by day and
   * then rating group. A day and group nothing was reported for has no entry.
   */
  List<DailyUsage> usage(Set<RatingGroup> groups, LocalDate from, LocalDate to);
}
