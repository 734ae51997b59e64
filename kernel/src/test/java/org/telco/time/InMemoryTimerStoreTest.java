package org.telco.time;

/** Runs the timer store contract against the reference implementation. */
class InMemoryTimerStoreTest extends TimerStoreContract {
  @Override
  protected TimerStore newStore() {
    return new InMemoryTimerStore();
  }
}
