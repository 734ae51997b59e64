package org.telco.phone.contacts;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Quoted-printable values as vCard 2.1 writes them ({@code =E5=BC=A0}), checked strictly.
 *
 * <p>ez-vcard decodes them leniently: a byte sequence that is not valid in the charset becomes
 * U+FFFD and a non-ASCII character becomes {@code ?}, silently. A name read that way would be shown
 * wrongly and paid anyway, so the book checks every quoted-printable value itself first.
 */
final class QuotedPrintable {
  /** The longest encoded line, soft-break {@code =} included (RFC 2045). */
  private static final int LINE_LENGTH_MAX = 76;

  private QuotedPrintable() {}

  /**
   * A problem in an encoded value.
   *
   * @param index the position in the encoded value where it starts
   * @param problem what is wrong, as a phrase
   */
  record Fault(int index, String problem) {}

  /**
   * The first problem of {@code encoded} (soft line breaks already removed) in {@code charset}: an
   * {@code =} not followed by two hex digits, a character that must be encoded, or bytes that are
   * not text in the charset.
   */
  static Optional<Fault> check(String encoded, Charset charset) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    int[] origins = new int[encoded.length()];
    int count = 0;
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      origins[count++] = i;
      if (c == '=') {
        int high = i + 1 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
        int low = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0) {
          String sequence = encoded.substring(i, Math.min(i + 3, encoded.length()));
          return Optional.of(new Fault(i, "bad quoted-printable sequence \"" + sequence + "\""));
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c > '~' || (c < ' ' && c != '\t')) {
        return Optional.of(
            new Fault(i, String.format("character U+%04X is not quoted-printable", (int) c)));
      } else {
        bytes.write(c);
      }
    }
    return undecodable(bytes.toByteArray(), charset)
        .map(at -> new Fault(origins[at], "the decoded bytes are not valid " + charset.name()));
  }

  /** The index of the first byte of {@code bytes} that is not text in {@code charset}. */
  private static Optional<Integer> undecodable(byte[] bytes, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    return result.isError()
        ? Optional.of(Math.min(in.position(), bytes.length - 1))
        : Optional.empty();
  }

  /**
   * {@code value} encoded in {@code charset}: printable ASCII stays, everything else (spaces and
   * line breaks too, so that no line can end in a blank) becomes {@code =XX}.
   */
  static String encode(String value, Charset charset) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(charset)) {
      int octet = b & 0xFF;
      if (octet > ' ' && octet <= '~' && octet != '=') {
        encoded.append((char) octet);
      } else {
        encoded.append('=').append(String.format(Locale.ROOT, "%02X", octet));
      }
    }
    return encoded.toString();
  }

  /**
   * {@code head} (the property up to its colon) and {@code encodedValue} as physical lines of at
   * most 76 characters, every line but the last ending in a soft break {@code =}, no {@code =XX}
   * split across lines.
   */
  static List<String> fold(String head, String encodedValue) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(head);
    int i = 0;
    while (i < encodedValue.length()) {
      int unit = encodedValue.charAt(i) == '=' ? 3 : 1;
      if (line.length() + unit > LINE_LENGTH_MAX - 1) {
        lines.add(line.append('=').toString());
        line.setLength(0);
      }
      line.append(encodedValue, i, i + unit);
      i += unit;
    }
    lines.add(line.toString());
    return lines;
  }
}
