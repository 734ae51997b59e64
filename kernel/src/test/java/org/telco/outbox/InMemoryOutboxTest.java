package org.telco.outbox;

/** Runs the outbox contract against the reference implementation. */
class InMemoryOutboxTest extends OutboxContract {
  @Override
  protected Outbox newOutbox() {
    return new InMemoryOutbox();
  }
}
