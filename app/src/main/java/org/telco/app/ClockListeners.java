package org.telco.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What runs after the shared simulated clock moves: every node fires its due timers and the
 * platform saves the new time. Shared by all nodes of one platform, because advancing the clock
 * through any node advances it for all.
 */
public final class ClockListeners implements Runnable {
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** Adds a listener, run in the order added. */
  public void add(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public void run() {
    for (Runnable listener : listeners) {
      listener.run();
    }
  }
}
