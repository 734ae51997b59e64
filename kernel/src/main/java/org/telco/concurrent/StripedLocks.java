package org.telco.concurrent;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A fixed set of locks shared out by key: work on one key (a charging session, a port) runs one at
 * a time, work on different keys mostly in parallel, and memory stays the same however many keys
 * there are. Two keys may share a lock; the locks are reentrant, so work under one key may take the
 * lock again.
 */
public final class StripedLocks {
  private final ReentrantLock[] locks;

  /** {@code stripes} locks, at least one. */
  public StripedLocks(int stripes) {
    if (stripes < 1) {
      throw new IllegalArgumentException("stripes must be positive: " + stripes);
    }
    locks = new ReentrantLock[stripes];
    for (int i = 0; i < stripes; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** Runs {@code work} holding the lock of {@code key}, and returns what it returns. */
  public <T> T locked(Object key, Supplier<T> work) {
    ReentrantLock lock = locks[Math.floorMod(key.hashCode(), locks.length)];
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
