package org.telco.messaging;

/** Runs the handset inbox contract against the reference implementation. */
class InMemoryHandsetInboxTest extends HandsetInboxContract {
  @Override
  protected HandsetInbox newInbox() {
    return new InMemoryHandsetInbox();
  }
}
