package org.telco.sms;

import org.telco.messaging.InMemoryHandsetInbox;

/** The SMS store contract on the reference store. */
class InMemorySmsStoreTest extends SmsStoreContract {
  @Override
  protected Subject newSubject() {
    InMemoryHandsetInbox inbox = new InMemoryHandsetInbox();
    return new Subject(new InMemorySmsStore(inbox), inbox);
  }
}
