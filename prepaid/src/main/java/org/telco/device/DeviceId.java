package org.telco.device;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A device's id as printed on its box and shown in its prompt, such as {@code TVBOX-0001}: 4 to 32
 * characters of upper-case ASCII letters, digits and {@code -}, not starting with {@code -}. Upper
 * case only, so one device has one spelling in the store whatever case its owner texts.
 *
 * @param value the id in its canonical, upper-case form
 */
public record DeviceId(String value) {
  private static final Pattern CANONICAL = Pattern.compile("[A-Z0-9][A-Z0-9-]{3,31}");

  // ASCII only before upper-casing: "ı".toUpperCase() is "I", and a dotless i must not name a
  // device.
  private static final Pattern TYPED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{3,31}");

  /** Rejects anything but the canonical shape. */
  public DeviceId {
    Objects.requireNonNull(value, "value");
    if (!CANONICAL.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a device id is 4-32 of A-Z, 0-9 and -, not starting with -: " + value);
    }
  }

  /**
   * The id a person typed, in any case: empty when it cannot name a device, so an SMS keyword
   * service answers with help instead of failing.
   */
  public static Optional<DeviceId> parse(String typed) {
    if (typed == null || !TYPED.matcher(typed).matches()) {
      return Optional.empty();
    }
    return Optional.of(new DeviceId(typed.toUpperCase(Locale.ROOT)));
  }

  @Override
  public String toString() {
    return value;
  }
}
