package org.telco.app;

import java.io.IOException;
import java.nio.file.Path;
import org.telco.app.credit.EmergencyCreditSettings;
import org.telco.app.device.DeviceSettings;
import org.telco.app.porting.PortingSettings;
import org.telco.app.traffic.TrafficSettings;

/**
 * What the operator sets for its flows, one file each in the data directory, each written with its
 * defaults on first start.
 *
 * @param emergencyCredit the emergency-credit rules, from {@code emergency-credit.json}
 * @param devices the number-bound payment settings, from {@code devices.json}
 * @param porting the number portability settings, from {@code porting.json}
 */
public record FeatureSettings(
    EmergencyCreditSettings emergencyCredit,
    DeviceSettings devices,
    PortingSettings porting,
    TrafficSettings traffic) {
  /** Every flow's defaults. */
  public static FeatureSettings defaults() {
    return new FeatureSettings(
        EmergencyCreditSettings.defaults(),
        DeviceSettings.defaults(),
        PortingSettings.defaults(),
        TrafficSettings.defaults());
  }

  /** The settings in {@code dataDirectory}, each file created with its defaults when missing. */
  public static FeatureSettings loadOrCreate(Path dataDirectory) throws IOException {
    return new FeatureSettings(
        EmergencyCreditSettings.loadOrCreate(dataDirectory.resolve("emergency-credit.json")),
        DeviceSettings.loadOrCreate(dataDirectory.resolve("devices.json")),
        PortingSettings.loadOrCreate(dataDirectory.resolve("porting.json")),
        TrafficSettings.loadOrCreate(dataDirectory.resolve("traffic.json")));
  }
}
