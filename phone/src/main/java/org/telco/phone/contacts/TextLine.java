package org.telco.phone.contacts;

import java.util.ArrayList;
import java.util.List;

/**
 * One physical line of the file: its characters and the line break that ended it ({@code "\r\n"},
 * {@code "\n"}, {@code "\r"}, or empty for a last line without one). Keeping the break with the
 * line is what lets the book write every untouched line back exactly as it was.
 */
record TextLine(String content, String ending) {
  /** Splits {@code text} into lines; joining their contents and endings gives {@code text}. */
  static List<TextLine> split(String text) {
    List<TextLine> lines = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        int end = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        lines.add(new TextLine(text.substring(start, i), text.substring(i, end)));
        start = end;
        i = end;
      } else {
        i++;
      }
    }
    if (start < text.length()) {
      lines.add(new TextLine(text.substring(start), ""));
    }
    return lines;
  }
}
