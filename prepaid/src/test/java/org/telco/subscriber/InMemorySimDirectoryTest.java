package org.telco.subscriber;

/** The SIM directory contract on the reference implementation. */
class InMemorySimDirectoryTest extends SimDirectoryContract {
  @Override
  protected SimDirectory newDirectory() {
    return new InMemorySimDirectory();
  }
}
