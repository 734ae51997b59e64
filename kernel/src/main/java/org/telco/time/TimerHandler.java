package org.telco.time;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Does what a timer of one kind stands for. Handlers must be idempotent: a crash after the handler
 * ran but before the timer was marked complete fires it again. They must also be safe for
 * concurrent use: {@link TimerPoller#pollDue} may hand two batches of different timers of the same
 * kind to a handler at once.
 */
@FunctionalInterface
public interface TimerHandler {
  /**
   * Acts on the timer. Throwing leaves the timer to be retried later.
   *
   * @param timer the timer that is due
   */
  void fire(Timer timer) throws Exception;

  /**
   * Acts on several due timers of this handler's kind. The default fires them one by one; a handler
   * that can do the work of many timers in a few database round trips overrides it, which is what
   * lets a poller fire a million timers in a minute.
   *
   * @return the timers that failed and should be retried later, and those whose rows wait again for
   *     a later step ({@link Fired#next}); the others are complete
   */
  default Fired fireAll(List<Timer> timers) {
    List<Timer> failed = new ArrayList<>();
    for (Timer timer : timers) {
      try {
        fire(timer);
      } catch (Exception e) {
        Logger.getLogger(TimerHandler.class.getName())
            .log(Level.WARNING, "timer " + timer.id() + " failed; retrying later", e);
        failed.add(timer);
      }
    }
    return Fired.failing(failed);
  }
}
