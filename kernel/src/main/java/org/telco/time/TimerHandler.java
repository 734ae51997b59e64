package org.telco.time;

/**
 * Does what a timer of one kind stands for. Handlers must be idempotent: a crash after the handler
 * ran but before the timer was marked complete fires it again.
 */
@FunctionalInterface
public interface TimerHandler {
  /**
   * Acts on the timer. Throwing leaves the timer to be retried later.
   *
   * @param timer the timer that is due
   */
  void fire(Timer timer) throws Exception;
}
