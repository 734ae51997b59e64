package org.telco.sms;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The text of a delivery receipt in the format SMPP 3.4 suggests (appendix B) and every ESME
 * parses: {@code id:<id> sub:001 dlvrd:001 submit date:<yyMMddHHmm> done date:<yyMMddHHmm>
 * stat:DELIVRD err:000 text:<first 20 characters>}. Dates are UTC.
 */
public final class ReceiptText {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC);
  private static final int TEXT_PREFIX = 20;

  private ReceiptText() {}

  /** The receipt for {@code record}, which must be final. */
  public static String of(MessageRecord record) {
    if (!record.state().isFinal()) {
      throw new IllegalArgumentException("no receipt before a final state: " + record.state());
    }
    boolean delivered = record.state() == MessageState.DELIVERED;
    ShortMessage message = record.message();
    String text = message.text();
    return "id:"
        + message.id()
        + " sub:001 dlvrd:"
        + (delivered ? "001" : "000")
        + " submit date:"
        + date(message.acceptedAt())
        + " done date:"
        + date(record.updatedAt())
        + " stat:"
        + (delivered ? "DELIVRD" : "UNDELIV")
        + " err:"
        + (delivered ? "000" : "001")
        + " text:"
        + (text.length() > TEXT_PREFIX ? text.substring(0, TEXT_PREFIX) : text);
  }

  private static String date(Instant at) {
    return DATE.format(at);
  }
}
