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

  static Map<String, String> parse(byte[] body) {
    if (body.length > BYTES_MAX) {
      throw new IllegalArgumentException("form body too large");
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
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
