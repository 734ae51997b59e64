package org.telco.app.smf;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.telco.app.nchf.NotificationType;

/**
 * An SMF opening PDU sessions against an operator's CHF and reporting their usage (flow F5, see
 * docs/traffic.md): each session is a virtual thread that creates its charging session, passes
 * traffic at its rate, reports when a rating group's threshold, validity or quota says so, and
 * releases at the end, or at once when the CHF sends ABORT_CHARGING to its notifyUri.
 */
public final class SmfSimulator {
  private final NchfClient client;
  private final NotifyListener notifications;
  private final List<String> subscribers;
  private final Settings settings;
  private final SmfTally tally = new SmfTally();
  private final String nfName = UUID.randomUUID().toString();

  /**
   * How the simulator runs.
   *
   * @param sessions PDU sessions, spread round-robin over the subscribers
   * @param duration how long each session lasts before its release
   * @param rampUp over how long the sessions start, evenly
   * @param ratingGroups the rating groups of each session, e.g. 10 (web) and 1001 (video)
   * @param bytesPerSecond the traffic of each rating group of each session
   * @param requestedBytes the requestedUnit totalVolume of each quota request
   * @param progressEvery how often to print a progress line, or null for none
   */
  public record Settings(
      int sessions,
      Duration duration,
      Duration rampUp,
      List<Long> ratingGroups,
      long bytesPerSecond,
      long requestedBytes,
      Duration progressEvery) {
    /** Checks the settings. */
    public Settings {
      if (sessions < 1 || ratingGroups.isEmpty() || bytesPerSecond < 1 || requestedBytes < 1) {
        throw new IllegalArgumentException("sessions, rating groups, rate and quota must be > 0");
      }
      ratingGroups = List.copyOf(ratingGroups);
    }
  }

  /**
   * A simulator for {@code subscribers}, talking to the CHF through {@code client}, hearing
   * notifications on {@code notifications}.
   */
  public SmfSimulator(
      NchfClient client,
      NotifyListener notifications,
      List<String> subscribers,
      Settings settings) {
    if (subscribers.isEmpty()) {
      throw new IllegalArgumentException("no subscribers to open sessions for");
    }
    this.client = client;
    this.notifications = notifications;
    this.subscribers = List.copyOf(subscribers);
    this.settings = settings;
  }

  /** Runs every session to its end and returns the counts; progress lines go to {@code out}. */
  public SmfTally.Snapshot run(PrintStream out) throws InterruptedException {
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < settings.sessions(); i++) {
      long begin = start + settings.rampUp().toNanos() * i / settings.sessions();
      int index = i;
      threads.add(Thread.ofVirtual().name("pdu-" + i).start(() -> session(index, begin)));
    }
    Thread progress = progress(out, start);
    for (Thread thread : threads) {
      thread.join();
    }
    if (progress != null) {
      progress.interrupt();
      progress.join();
    }
    return tally.snapshot();
  }

  /** The counts so far. */
  public SmfTally.Snapshot snapshot() {
    return tally.snapshot();
  }

  private void session(int index, long beginNanos) {
    sleepUntil(beginNanos);
    String id = "s" + index + "-" + Long.toHexString(System.nanoTime());
    AtomicBoolean aborted = new AtomicBoolean();
    Thread self = Thread.currentThread();
    String notifyUri =
        notifications.register(
            id,
            type -> {
              if (NotificationType.ABORT_CHARGING.equals(type)) {
                aborted.set(true);
                LockSupport.unpark(self);
              }
            });
    PduSession session =
        new PduSession(
            subscribers.get(index % subscribers.size()),
            settings.ratingGroups(),
            settings.bytesPerSecond(),
            settings.requestedBytes(),
            notifyUri,
            nfName);
    try {
      run(session, beginNanos + settings.duration().toNanos(), aborted);
    } catch (UncheckedIOException e) {
      session.failed();
      tally.sessionFailed("IO_ERROR");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      notifications.unregister(id);
    }
  }

  private void run(PduSession session, long endNanos, AtomicBoolean aborted)
      throws InterruptedException {
    NchfClient.Answer created = client.create(session.create(Instant.now()));
    tally.answered(SmfTally.Kind.CREATE, created);
    if (created.status() != 201) {
      session.failed();
      tally.sessionFailed(cause(created));
      return;
    }
    tally.sessionStarted();
    tally.outcome(session.answered(created.response(), System.nanoTime()));
    String ref = created.ref();
    long now = System.nanoTime();
    while (session.active() && !aborted.get() && now < endNanos) {
      LockSupport.parkNanos(Math.min(session.nanosUntilDue(now), endNanos - now));
      now = System.nanoTime();
      if (aborted.get()) {
        break;
      }
      var update = session.update(now, Instant.now());
      if (update == null) {
        continue;
      }
      NchfClient.Answer answer = client.update(ref, update);
      tally.answered(SmfTally.Kind.UPDATE, answer);
      if (answer.status() != 200) {
        session.failed();
        tally.sessionFailed(cause(answer));
        return;
      }
      now = System.nanoTime();
      tally.outcome(session.answered(answer.response(), now));
    }
    NchfClient.Answer released =
        client.release(ref, session.release(System.nanoTime(), Instant.now()));
    tally.answered(SmfTally.Kind.RELEASE, released);
    if (released.status() == 204) {
      tally.reported(session.released());
      tally.sessionReleased(aborted.get());
    } else {
      session.failed();
      tally.sessionFailed(cause(released));
    }
  }

  private static String cause(NchfClient.Answer answer) {
    if (answer.status() == 0) {
      return "NO_ANSWER";
    }
    return answer.status() + (answer.cause() == null ? "" : " " + answer.cause());
  }

  private Thread progress(PrintStream out, long start) {
    if (settings.progressEvery() == null) {
      return null;
    }
    long every = settings.progressEvery().toNanos();
    return Thread.ofPlatform()
        .daemon()
        .name("smf-progress")
        .start(
            () -> {
              SmfTally.Snapshot last = tally.snapshot();
              try {
                while (true) {
                  TimeUnit.NANOSECONDS.sleep(every);
                  SmfTally.Snapshot now = tally.snapshot();
                  out.println(progressLine(last, now, start));
                  last = now;
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
  }

  static String progressLine(SmfTally.Snapshot last, SmfTally.Snapshot now, long start) {
    double span = (now.nanos() - last.nanos()) / 1e9;
    long open = now.sessionsStarted() - now.sessionsReleased() - now.sessionsFailed();
    return String.format(
        "  %s +%3.0fs  sessions open %,d  requests/s %,.0f  grants %,d  denials %,d"
            + "  MB granted %,.1f  used %,.1f  p99 %.1f ms",
        LocalTime.now().withNano(0),
        (now.nanos() - start) / 1e9,
        Math.max(0, open),
        (now.requests() - last.requests()) / span,
        now.grants(),
        now.denials().values().stream().mapToLong(Long::longValue).sum(),
        now.grantedBytes() / 1e6,
        now.reportedBytes() / 1e6,
        now.p99Nanos() / 1e6);
  }

  /** The summary of a run that took {@code seconds}, one fact a line. */
  public static List<String> summary(SmfTally.Snapshot s, double seconds) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "sessions: %,d started, %,d released (%,d after ABORT_CHARGING), %,d failed %s",
            s.sessionsStarted(),
            s.sessionsReleased(),
            s.sessionsAborted(),
            s.sessionsFailed(),
            s.failures().isEmpty() ? "" : s.failures()));
    lines.add(
        String.format(
            "requests: %,d (create %,d, update %,d, release %,d), %,d retransmitted",
            s.requests(), s.creates(), s.updates(), s.releases(), s.retransmissions()));
    lines.add(
        String.format(
            "grants: %,d; denials by result code: %s",
            s.grants(), s.denials().isEmpty() ? "none" : s.denials()));
    lines.add(
        String.format(
            "bytes: %,d granted, %,d used and reported", s.grantedBytes(), s.reportedBytes()));
    lines.add(
        String.format(
            "rate: %,.1f requests/s over %.1f s; latency p50 %.1f ms, p99 %.1f ms",
            s.requests() / seconds, seconds, s.p50Nanos() / 1e6, s.p99Nanos() / 1e6));
    return lines;
  }

  private static void sleepUntil(long nanos) {
    long left;
    while ((left = nanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }
}
