package org.telco.app.device;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import org.telco.app.SettingsFile;
import org.telco.device.SpendCap;

/**
 * What an operator sets for number-bound payment, read from {@code devices.json} in the data
 * directory (written with the defaults on first start, so there is a file to edit).
 *
 * @param monthlyCapFen the most one device may charge its payer in a calendar month
 */
public record DeviceSettings(long monthlyCapFen) {
  /** Requires a positive cap. */
  public DeviceSettings {
    if (monthlyCapFen <= 0) {
      throw new IllegalArgumentException("monthlyCapFen must be positive: " + monthlyCapFen);
    }
  }

  /**
   * The defaults: 200 yuan a month, about what Chinese operators allow a number for value-added
   * services without a further confirmation.
   */
  public static DeviceSettings defaults() {
    return new DeviceSettings(20_000);
  }

  /** The cap in the operator's zone. */
  SpendCap capIn(ZoneId zone) {
    return new SpendCap(monthlyCapFen, zone);
  }

  /**
   * The settings in {@code file}, or the defaults written to it when it does not exist.
   *
   * @throws IllegalArgumentException when the file's cap is not positive, naming the file
   */
  public static DeviceSettings loadOrCreate(Path file) throws IOException {
    return SettingsFile.loadOrCreate(file, DeviceSettings.class, defaults());
  }
}
