package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The kind of address a redirect server has (TS 32.291 RedirectAddressType).
 *
 * <p>The specification defines it as "one of these values or any string", so a value this CHF does
 * not know, sent by a newer peer, is kept as received rather than rejected. The constants are the
 * Release 17 values; compare with {@code equals}.
 *
 * @param value the value as it appears on the wire
 */
public record RedirectAddressType(@JsonValue String value) {
  public static final RedirectAddressType IPV4 = new RedirectAddressType("IPV4");
  public static final RedirectAddressType IPV6 = new RedirectAddressType("IPV6");
  public static final RedirectAddressType URL = new RedirectAddressType("URL");
  public static final RedirectAddressType URI = new RedirectAddressType("URI");

  /** Takes any string, known or not. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public RedirectAddressType {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value;
  }
}
