package org.telco.app.device;

/**
 * The answer to a registration: the only time the secret is shown, since the operator keeps only
 * its hash and cannot show it again.
 *
 * @param deviceId the id in its canonical, upper-case form
 * @param dataSim the number of its data SIM
 * @param secret the device credential, to be put on the device
 */
record RegisteredDeviceJson(String deviceId, String dataSim, String secret) {
  /** Never shows the secret, so a log line or a debugger view cannot leak it. */
  @Override
  public String toString() {
    return "RegisteredDeviceJson[deviceId=" + deviceId + ", dataSim=" + dataSim + ", secret=***]";
  }
}
