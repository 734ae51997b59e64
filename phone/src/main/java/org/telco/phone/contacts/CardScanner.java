package org.telco.phone.contacts;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the cards of a vCard file and the lines of each property, and rejects a file whose
 * structure is broken, naming the line.
 *
 * <p>ez-vcard reads the property values, but it is lenient about structure: it skips a line that is
 * not a property, reads a card without {@code END:VCARD} to the end of the file and takes a {@code
 * BEGIN:VCARD} inside a card for an embedded one. Each of those means the file is not what its
 * writer meant, so this scanner refuses them before ez-vcard sees the text. It unfolds lines the
 * way ez-vcard's parser (vinnie) does: a line starting with a space or tab continues the one before
 * (blank lines between them are skipped), in vCard 2.1 all of its leading blanks are dropped and
 * otherwise one, and a quoted-printable value whose line ends in {@code =} continues on the next
 * line whatever it starts with.
 */
final class CardScanner {
  private static final Pattern NAME = Pattern.compile("(?:([A-Za-z0-9_-]+)\\.)?([A-Za-z0-9_-]+)");
  private static final int QUOTED_LENGTH_MAX = 40;

  private final String source;
  private final List<TextLine> lines;
  private int next;
  private boolean oldSyntax = true;

  private CardScanner(String source, List<TextLine> lines) {
    this.source = source;
    this.lines = lines;
  }

  /** The cards of the file split into {@code lines}, in file order. */
  static List<CardLines> scan(String source, List<TextLine> lines) throws AddressBookException {
    return new CardScanner(source, lines).cards();
  }

  private List<CardLines> cards() throws AddressBookException {
    List<CardLines> cards = new ArrayList<>();
    List<PropertyLine> properties = new ArrayList<>();
    int begin = 0;
    for (Logical logical = nextLogical(); logical != null; logical = nextLogical()) {
      String keyword = logical.keyword();
      String value = logical.value().strip();
      if (begin == 0 && !keyword.equals("BEGIN")) {
        throw error(
            logical.firstLine(),
            keyword.equals("END")
                ? "END:" + value + " without a BEGIN:VCARD before it"
                : "text outside a vCard where BEGIN:VCARD was expected: " + quoted(logical.text()));
      }
      PropertyLine property = property(logical);
      if (property.name().equals("BEGIN")) {
        if (begin != 0) {
          throw error(
              logical.firstLine(),
              "BEGIN:"
                  + value
                  + " inside the card begun on line "
                  + begin
                  + ", which has no END:VCARD");
        }
        requireVcard(logical, "BEGIN", value);
        begin = logical.firstLine();
        oldSyntax = true;
      } else if (property.name().equals("END")) {
        requireVcard(logical, "END", value);
        cards.add(new CardLines(begin, logical.firstLine(), properties));
        properties.clear();
        begin = 0;
        oldSyntax = true;
      } else {
        if (property.name().equals("VERSION")) {
          oldSyntax = !(value.equals("3.0") || value.equals("4.0"));
        }
        properties.add(property);
      }
    }
    if (begin != 0) {
      throw error(begin, "the card begun here has no END:VCARD");
    }
    return cards;
  }

  private void requireVcard(Logical logical, String keyword, String component)
      throws AddressBookException {
    if (!component.equalsIgnoreCase("VCARD")) {
      throw error(
          logical.firstLine(),
          keyword + ":" + component + " where " + keyword + ":VCARD was expected");
    }
  }

  /** The property on {@code logical}, after checking its name and quoted-printable value. */
  private PropertyLine property(Logical logical) throws AddressBookException {
    String text = logical.text();
    int colon = colonIndex(text);
    if (colon < 0) {
      throw error(logical.firstLine(), "not a property (no colon): " + quoted(text));
    }
    String head = text.substring(0, colon);
    int semicolon = head.indexOf(';');
    String groupedName = (semicolon < 0 ? head : head.substring(0, semicolon)).strip();
    Matcher name = NAME.matcher(groupedName);
    if (!name.matches()) {
      throw error(logical.firstLine(), "not a property (bad name): " + quoted(text));
    }
    Encoding encoding = Encoding.of(semicolon < 0 ? "" : head.substring(semicolon + 1));
    PropertyLine property =
        new PropertyLine(
            logical.firstLine(),
            logical.lastLine(),
            name.group(1) == null ? "" : name.group(1),
            name.group(2).toUpperCase(Locale.ROOT),
            head,
            encoding.encoding(),
            encoding.charset());
    if (property.quotedPrintable()) {
      checkQuotedPrintable(logical, colon + 1, property.charset());
    }
    return property;
  }

  private void checkQuotedPrintable(Logical logical, int valueStart, String charsetName)
      throws AddressBookException {
    Charset charset;
    try {
      charset = charsetName.isEmpty() ? StandardCharsets.UTF_8 : Charset.forName(charsetName);
    } catch (IllegalArgumentException unknown) {
      throw error(logical.firstLine(), "unknown CHARSET=" + charsetName);
    }
    Optional<QuotedPrintable.Fault> fault =
        QuotedPrintable.check(logical.text().substring(valueStart), charset);
    if (fault.isPresent()) {
      throw error(logical.lineAt(valueStart + fault.get().index()), fault.get().problem());
    }
  }

  /** The next property with its continuation lines unfolded, or null at the end of the file. */
  private Logical nextLogical() {
    while (next < lines.size() && lines.get(next).content().isEmpty()) {
      next++;
    }
    if (next >= lines.size()) {
      return null;
    }
    Logical logical = new Logical(next + 1, lines.get(next).content());
    next++;
    while (true) {
      boolean softBreak = endsInSoftBreak(logical);
      if (softBreak) {
        logical.chop();
      }
      int following = next;
      if (!softBreak || following >= lines.size() || lines.get(following).content().isEmpty()) {
        while (following < lines.size() && lines.get(following).content().isEmpty()) {
          following++;
        }
        if (following >= lines.size() || !startsWithBlank(lines.get(following).content())) {
          return logical;
        }
      }
      logical.append(following + 1, unfold(lines.get(following).content()));
      next = following + 1;
    }
  }

  /**
   * Whether the logical line so far is a quoted-printable value whose last physical line ends in a
   * soft break. Only such a line is looked at whole, so that long folded values (photos) are
   * scanned in linear time.
   */
  private boolean endsInSoftBreak(Logical logical) {
    TextLine last = lines.get(logical.lastLine() - 1);
    if (!last.content().endsWith("=") || last.ending().isEmpty()) {
      return false;
    }
    CharSequence text = logical.chars();
    int colon = colonIndex(text);
    int semicolon = colon < 0 ? -1 : text.subSequence(0, colon).toString().indexOf(';');
    return semicolon >= 0
        && Encoding.of(text.subSequence(semicolon + 1, colon).toString())
            .encoding()
            .equals(PropertyLine.QUOTED_PRINTABLE);
  }

  private String unfold(String continuation) {
    if (oldSyntax) {
      return continuation.stripLeading();
    }
    return startsWithBlank(continuation) ? continuation.substring(1) : continuation;
  }

  private static boolean startsWithBlank(String content) {
    return !content.isEmpty() && (content.charAt(0) == ' ' || content.charAt(0) == '\t');
  }

  /** The first colon outside a quoted parameter value (quotes count from vCard 3.0 on). */
  private int colonIndex(CharSequence text) {
    boolean quoted = false;
    boolean inParameters = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ';') {
        inParameters = true;
      } else if (c == '"' && inParameters && !oldSyntax) {
        quoted = !quoted;
      } else if (c == ':' && !quoted) {
        return i;
      }
    }
    return -1;
  }

  private static String quoted(String text) {
    String shown =
        text.length() > QUOTED_LENGTH_MAX ? text.substring(0, QUOTED_LENGTH_MAX) + "…" : text;
    return "\"" + shown + "\"";
  }

  private AddressBookException error(int line, String problem) {
    return new AddressBookException(source, line, problem);
  }

  /**
   * The {@code ENCODING} (upper case; 2.1's bare {@code QUOTED-PRINTABLE} counts) and {@code
   * CHARSET} of a property, each empty if absent.
   */
  private record Encoding(String encoding, String charset) {
    static Encoding of(String parameters) {
      String encoding = "";
      String charset = "";
      for (String parameter : parameters.split(";")) {
        int equals = parameter.indexOf('=');
        String key =
            equals < 0 ? "" : parameter.substring(0, equals).strip().toUpperCase(Locale.ROOT);
        String value = parameter.substring(equals + 1).strip().replace("\"", "");
        if (key.equals("ENCODING") || (key.isEmpty() && isBare(value))) {
          encoding = value.toUpperCase(Locale.ROOT);
        } else if (key.equals("CHARSET")) {
          charset = value;
        }
      }
      return new Encoding(encoding, charset);
    }

    private static boolean isBare(String value) {
      return List.of(PropertyLine.QUOTED_PRINTABLE, "BASE64", "8BIT", "7BIT")
          .contains(value.toUpperCase(Locale.ROOT));
    }
  }

  /** A property being unfolded: its text and the physical line each piece came from. */
  private static final class Logical {
    private final StringBuilder text;
    private final List<int[]> pieces = new ArrayList<>();
    private final int firstLine;
    private int lastLine;

    Logical(int line, String content) {
      this.text = new StringBuilder(content);
      this.firstLine = line;
      this.lastLine = line;
      pieces.add(new int[] {0, line});
    }

    void append(int line, String content) {
      pieces.add(new int[] {text.length(), line});
      text.append(content);
      lastLine = line;
    }

    void chop() {
      text.setLength(text.length() - 1);
    }

    String text() {
      return text.toString();
    }

    CharSequence chars() {
      return text;
    }

    /** The name before the colon in upper case, for recognising BEGIN and END early. */
    String keyword() {
      String all = text();
      int colon = all.indexOf(':');
      String head = colon < 0 ? all : all.substring(0, colon);
      return head.strip().toUpperCase(Locale.ROOT);
    }

    String value() {
      String all = text();
      int colon = all.indexOf(':');
      return colon < 0 ? "" : all.substring(colon + 1);
    }

    int firstLine() {
      return firstLine;
    }

    int lastLine() {
      return lastLine;
    }

    /** The physical line the character at {@code index} of the unfolded text came from. */
    int lineAt(int index) {
      int line = firstLine;
      for (int[] piece : pieces) {
        if (piece[0] <= index) {
          line = piece[1];
        }
      }
      return line;
    }
  }
}
