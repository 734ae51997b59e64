package org.telco.storage.device;

/**
 * The device tables could not be read or written; nothing of the failed call was written.
 * Unchecked, because {@link org.telco.device.DeviceStore} declares no exceptions.
 */
public final class DeviceStoreFailure extends RuntimeException {
  /** Wraps the database failure. */
  public DeviceStoreFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
