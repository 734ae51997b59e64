package org.telco.phone.contacts;

import ezvcard.VCardVersion;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the few properties the book changes, as physical lines (without line breaks), in the
 * syntax of the card's vCard version.
 *
 * <p>List values are escaped as ez-vcard reads them back: backslash, comma and semicolon get a
 * backslash, a line break becomes {@code \n}. From vCard 3.0 on, a line is folded after 75 octets
 * with a space starting each continuation (RFC 6350 3.2). A 2.1 line is not folded, because 2.1
 * readers drop all leading blanks of a continuation and so would glue words together; a 2.1 value
 * that is not ASCII is written quoted-printable with {@code CHARSET=UTF-8}, the way 2.1 phones
 * write it, and quoted-printable lines end in soft breaks after 76 characters.
 */
final class PropertyWriter {
  private static final int LINE_OCTETS_MAX = 75;
  private static final String UTF_8_QUOTED_PRINTABLE = ";CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE";

  private PropertyWriter() {}

  /** The lines of a new property {@code groupedName} holding the list {@code values}. */
  static List<String> fresh(String groupedName, List<String> values, VCardVersion version) {
    String value = escape(values);
    if (version != VCardVersion.V2_1) {
      return fold(groupedName + ":" + value);
    }
    if (isAscii(value)) {
      return List.of(groupedName + ":" + value);
    }
    return QuotedPrintable.fold(
        groupedName + UTF_8_QUOTED_PRINTABLE + ":",
        QuotedPrintable.encode(value, StandardCharsets.UTF_8));
  }

  /**
   * The lines of {@code line} with its list value replaced by {@code values}, keeping its group,
   * name and parameters as written and encoding the value as the old one was encoded.
   */
  static List<String> rewrite(PropertyLine line, List<String> values, VCardVersion version) {
    String value = escape(values);
    if (line.quotedPrintable()) {
      Charset charset =
          line.charset().isEmpty() ? StandardCharsets.UTF_8 : Charset.forName(line.charset());
      return QuotedPrintable.fold(line.prefix() + ":", QuotedPrintable.encode(value, charset));
    }
    boolean plain = List.of("", "7BIT", "8BIT").contains(line.encoding());
    if (!plain) {
      return fresh(line.groupedName(), values, version);
    }
    if (version != VCardVersion.V2_1) {
      return fold(line.prefix() + ":" + value);
    }
    boolean needsCharset = !isAscii(value) && line.charset().isEmpty();
    return List.of(line.prefix() + (needsCharset ? ";CHARSET=UTF-8" : "") + ":" + value);
  }

  /** {@code values} as one list value, each escaped. */
  static String escape(List<String> values) {
    return values.stream().map(PropertyWriter::escape).collect(Collectors.joining(","));
  }

  private static String escape(String value) {
    StringBuilder escaped = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\', ',', ';' -> escaped.append('\\').append(c);
        case '\n' -> escaped.append("\\n");
        case '\r' -> {}
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** {@code line} folded after 75 octets of UTF-8, never inside a character. */
  static List<String> fold(String line) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int codePoint = line.codePointAt(i);
      int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + width > LINE_OCTETS_MAX) {
        lines.add(current.toString());
        current.setLength(0);
        current.append(' ');
        octets = 1;
      }
      current.appendCodePoint(codePoint);
      octets += width;
      i += Character.charCount(codePoint);
    }
    lines.add(current.toString());
    return lines;
  }

  private static boolean isAscii(String text) {
    return text.chars().allMatch(c -> c < 0x80);
  }
}
