package org.telco.app.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an {@code application/x-www-form-urlencoded} body, the only kind the console's forms send.
 * A field sent twice keeps its first value.
 */
final class FormBody {
  /** Bodies beyond this are refused before decoding: no console form comes close. */
  static final int BYTES_MAX = 16_384;

  private FormBody() {}

  /** A body that is no form the console sent: too large, or not URL-encoded. */
  static final class Unreadable extends IllegalArgumentException {
    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static Map<String, String> parse(byte[] body) {
    if (body.length > BYTES_MAX) {
      throw new Unreadable("form body too large", null);
    }
    Map<String, String> fields = new HashMap<>();
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return fields;
    }
    for (String pair : text.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      fields.putIfAbsent(decode(name), decode(value));
    }
    return fields;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new Unreadable("form field not URL-encoded", e);
    }
  }
}
