package org.telco.app.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.telco.subscriber.SubscriberState;

/**
 * The dashboard's recent figures. A sample is read when a page asks and the newest is older than
 * {@link #SPACING}, so an idle console costs nothing and many open dashboards cost one read per
 * second; the last {@link #KEPT} samples feed the charts and the rates.
 */
final class FigureSamples {
  static final Duration SPACING = Duration.ofSeconds(1);
  static final int KEPT = 120;

  private final OperatorConsoleSources sources;
  private final Clock wallClock;
  private final Deque<DashboardFigures> samples = new ArrayDeque<>();

  FigureSamples(OperatorConsoleSources sources, Clock wallClock) {
    this.sources = sources;
    this.wallClock = wallClock;
  }

  /** The newest figures, read now if the last ones are stale. */
  synchronized DashboardFigures latest() {
    Instant now = wallClock.instant();
    DashboardFigures newest = samples.peekLast();
    if (newest == null || !now.isBefore(newest.at().plus(SPACING))) {
      newest = read(now, samples.peekFirst());
      samples.addLast(newest);
      if (samples.size() > KEPT) {
        samples.removeFirst();
      }
    }
    return newest;
  }

  /** Every kept sample, oldest first, after taking a fresh one if due. */
  synchronized List<DashboardFigures> history() {
    latest();
    return new ArrayList<>(samples);
  }

  private DashboardFigures read(Instant now, DashboardFigures oldest) {
    Map<SubscriberState, Long> states = sources.subscribers().countByState();
    long charging = sources.feeds().chargingRequests().getAsLong();
    long sms = sources.sms().acceptedCount();
    var topUps = sources.topUps().get();
    DashboardFigures earlier = rateBase(now, oldest);
    double seconds = earlier == null ? 0 : Duration.between(earlier.at(), now).toMillis() / 1000.0;
    return new DashboardFigures(
        now,
        states.values().stream().mapToLong(Long::longValue).sum(),
        states.getOrDefault(SubscriberState.BARRED_ARREARS, 0L),
        states.getOrDefault(SubscriberState.EMERGENCY_CREDIT, 0L),
        charging,
        seconds <= 0 ? 0 : (charging - earlier.chargingRequests()) / seconds,
        topUps.count(),
        topUps.amountFen(),
        sms,
        seconds <= 0 ? 0 : (sms - earlier.smsAccepted()) / seconds,
        sources.advances().summary().outstandingFen());
  }

  /** The sample to measure rates from: about five seconds back, or the oldest there is. */
  private DashboardFigures rateBase(Instant now, DashboardFigures oldest) {
    DashboardFigures base = oldest;
    for (DashboardFigures sample : samples) {
      if (sample.at().isAfter(now.minusSeconds(5))) {
        break;
      }
      base = sample;
    }
    return base;
  }
}
