package org.telco.sms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per ESME: {@code perSecond} tokens a second, at most one second's worth saved up.
 * A submit without a token is refused (ESME_RTHROTTLED) rather than queued, as SMPP expects.
 */
public final class Throttle {
  private static final long SECOND_NANOS = 1_000_000_000L;

  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** A throttle reading time from {@code nanoTime} (such as {@code System::nanoTime}). */
  public Throttle(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Takes a token for {@code account}; false when it has none left this second. */
  public boolean tryAcquire(EsmeAccount account) {
    Bucket bucket =
        buckets.computeIfAbsent(account.systemId(), id -> new Bucket(nanoTime.getAsLong()));
    return bucket.take(account.perSecond(), nanoTime.getAsLong());
  }

  /** Tokens are kept scaled by a second, so whole-number arithmetic never loses a fraction. */
  private static final class Bucket {
    private long scaledTokens;
    private long lastNanos;
    private boolean started;

    Bucket(long now) {
      this.lastNanos = now;
    }

    synchronized boolean take(int perSecond, long now) {
      long capacity = perSecond * SECOND_NANOS;
      if (!started) {
        scaledTokens = capacity;
        started = true;
      }
      long elapsed = Math.max(0, now - lastNanos);
      lastNanos = now;
      scaledTokens = Math.min(capacity, scaledTokens + Math.min(elapsed, SECOND_NANOS) * perSecond);
      if (scaledTokens < SECOND_NANOS) {
        return false;
      }
      scaledTokens -= SECOND_NANOS;
      return true;
    }
  }
}
