package org.telco.cache;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Values read through a store and kept in memory until the store's owner writes them again. It is
 * for a store that this process alone writes (a node's own database), read far more often than
 * written, such as a subscriber's state and buckets on every charging request.
 *
 * <p>The owner calls {@link #forget} after each write has committed. A value read while a write was
 * under way may be the old one; it is kept only if no write was forgotten since the read began, so
 * a stale value never outlives the write that replaced it. Past {@code entriesMax} values the cache
 * starts over empty: the next reads load again, which costs time but never correctness.
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class ReadThroughCache<K, V> {
  private final ConcurrentHashMap<K, V> known = new ConcurrentHashMap<>();
  private final AtomicLong forgotten = new AtomicLong();
  private final int entriesMax;

  /** An empty cache keeping at most {@code entriesMax} values. */
  public ReadThroughCache(int entriesMax) {
    if (entriesMax < 1) {
      throw new IllegalArgumentException("entriesMax must be positive: " + entriesMax);
    }
    this.entriesMax = entriesMax;
  }

  /**
   * The value of {@code key}: the one kept, or what {@code load} reads from the store (kept when
   * present and no write was forgotten meanwhile; an absent value is not kept).
   */
  public Optional<V> get(K key, Function<K, Optional<V>> load) {
    V kept = known.get(key);
    if (kept != null) {
      return Optional.of(kept);
    }
    long before = forgotten.get();
    Optional<V> loaded = load.apply(key);
    if (loaded.isPresent()) {
      if (known.size() >= entriesMax) {
        known.clear();
      }
      V value = loaded.get();
      known.compute(key, (k, current) -> forgotten.get() == before ? value : current);
    }
    return loaded;
  }

  /** Drops {@code key}'s value; call after every committed write that may have changed it. */
  public void forget(K key) {
    forgotten.incrementAndGet();
    known.remove(key);
  }

  /** Drops every value; for writes whose keys are not known. */
  public void forgetAll() {
    forgotten.incrementAndGet();
    known.clear();
  }

  /** How many values are kept. */
  public int size() {
    return known.size();
  }
}
