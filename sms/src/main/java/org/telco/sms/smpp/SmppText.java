package org.telco.sms.smpp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;

/**
 * Text in and out of SMPP octets by data_coding. UCS-2 (0x08) is UTF-16BE, how Chinese text
 * travels; the default alphabet (0x00), IA5 and Latin-1 are read as Latin-1, which agrees with
 * ASCII for the texts ESMEs send in practice (the GSM 7-bit table differs only in a few symbols).
 * Outgoing text is ASCII under data_coding 0 when it can be, UCS-2 otherwise.
 */
final class SmppText {
  /** Longest short_message field SMPP 3.4 allows; longer texts go in message_payload. */
  static final int SHORT_MESSAGE_MAX = 254;

  private static final DataCoding UCS2 =
      new GeneralDataCoding(Alphabet.ALPHA_UCS2, (MessageClass) null, false);

  private SmppText() {}

  /** The text of {@code octets} sent under {@code dataCoding}. */
  static String decode(byte dataCoding, byte[] octets) {
    return new String(octets, charsetOf(dataCoding));
  }

  private static Charset charsetOf(byte dataCoding) {
    return Alphabet.parseDataCoding(dataCoding) == Alphabet.ALPHA_UCS2
        ? StandardCharsets.UTF_16BE
        : StandardCharsets.ISO_8859_1;
  }

  /** The data coding to send {@code text} under. */
  static DataCoding codingFor(String text) {
    return isAscii(text) ? DataCodings.ZERO : UCS2;
  }

  /** {@code text} as octets under {@link #codingFor}. */
  static byte[] encode(String text) {
    return text.getBytes(isAscii(text) ? StandardCharsets.US_ASCII : StandardCharsets.UTF_16BE);
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }
}
