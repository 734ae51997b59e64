package org.telco.device;

/** The device store contract on the reference implementation. */
class InMemoryDeviceStoreTest extends DeviceStoreContract {
  @Override
  protected DeviceStore newStore() {
    return new InMemoryDeviceStore();
  }
}
