package org.telco.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The payload format of the built-in outbox topics: one JSON object whose values are all strings,
 * such as {@code {"type":"bar","msisdn":"8613800000001"}}.
 *
 * <p>It is written and read here by hand so that feature modules need no JSON library; anything
 * richer (numbers, nesting) is rejected rather than half understood. Writing escapes only what JSON
 * requires: quotes, backslashes and control characters. Reading accepts any valid escape.
 */
public final class FlatJson {
  private final String text;
  private int at;

  private FlatJson(String text) {
    this.text = text;
  }

  /** The object with these fields, in the map's order. */
  public static String write(SequencedMap<String, String> fields) {
    int length = 2;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      length += field.getKey().length() + field.getValue().length() + 6;
    }
    // Sized for the text without escapes, so the builder does not grow (and copy) as it goes.
    StringBuilder json = new StringBuilder(length).append('{');
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (json.length() > 1) {
        json.append(',');
      }
      quote(json, field.getKey());
      json.append(':');
      quote(json, field.getValue());
    }
    return json.append('}').toString();
  }

  /**
   * The fields of an object written by {@link #write} (or any flat object of strings).
   *
   * @throws IllegalArgumentException if the text is not such an object or repeats a name
   */
  public static SequencedMap<String, String> read(String json) {
    FlatJson reader = new FlatJson(json);
    reader.skipSpace();
    SequencedMap<String, String> fields = reader.object();
    reader.skipSpace();
    if (reader.at != json.length()) {
      throw reader.malformed("text after the object");
    }
    return fields;
  }

  private SequencedMap<String, String> object() {
    SequencedMap<String, String> fields = new LinkedHashMap<>();
    expect('{');
    skipSpace();
    if (peek() == '}') {
      at++;
      return fields;
    }
    while (true) {
      skipSpace();
      String name = string();
      skipSpace();
      expect(':');
      skipSpace();
      if (fields.putIfAbsent(name, string()) != null) {
        throw malformed("repeated name " + name);
      }
      skipSpace();
      char next = next();
      if (next == '}') {
        return fields;
      }
      if (next != ',') {
        throw malformed("',' or '}' expected");
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder value = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return value.toString();
      }
      if (c < 0x20) {
        throw malformed("unescaped control character");
      }
      value.append(c == '\\' ? escaped() : c);
    }
  }

  private char escaped() {
    char c = next();
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> unicode();
      default -> throw malformed("bad escape \\" + c);
    };
  }

  private char unicode() {
    if (at + 4 > text.length()) {
      throw malformed("short \\u escape");
    }
    try {
      char c = (char) Integer.parseInt(text.substring(at, at + 4), 16);
      at += 4;
      return c;
    } catch (NumberFormatException e) {
      throw malformed("bad \\u escape");
    }
  }

  private static void quote(StringBuilder json, String value) {
    json.append('"');
    int plain = 0;
    while (plain < value.length() && plainChar(value.charAt(plain))) {
      plain++;
    }
    // The text up to the first character that needs escaping, usually all of it, in one copy.
    json.append(value, 0, plain);
    for (int i = plain; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }

  private static boolean plainChar(char c) {
    return c >= 0x20 && c != '"' && c != '\\';
  }

  private void skipSpace() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private char peek() {
    if (at >= text.length()) {
      throw malformed("unexpected end");
    }
    return text.charAt(at);
  }

  private char next() {
    char c = peek();
    at++;
    return c;
  }

  private void expect(char wanted) {
    if (next() != wanted) {
      throw malformed("'" + wanted + "' expected");
    }
  }

  private IllegalArgumentException malformed(String why) {
    return new IllegalArgumentException("not a flat JSON object of strings (" + why + ") at " + at);
  }
}
