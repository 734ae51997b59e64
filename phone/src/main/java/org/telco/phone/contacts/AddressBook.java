package org.telco.phone.contacts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The user's address book, a vCard file (2.1, 3.0 or 4.0, any number of cards), read for the
 * contacts' mobile numbers and written back with the marks the autopay agent set.
 *
 * <p>Reading is all or nothing: a file that is broken anywhere is refused with an {@link
 * AddressBookException} naming the line, so that no contact of a misread book is paid.
 *
 * <p>Writing changes only the agent's own lines: the {@code CATEGORIES} line that holds the group
 * and the {@value ContactMark#COLOUR_PROPERTY} line of each marked card. Every other byte (other
 * properties, their folding and order, the line breaks, a byte order mark) is copied from the file
 * as read, because the book belongs to the user and other apps keep data in it that this library
 * does not understand. A book with no marks set writes back byte for byte. See {@code
 * docs/phone.md}.
 *
 * <p>An address book is a mutable value for one thread: marks accumulate until it is written.
 */
public final class AddressBook {
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private final String source;
  private final String text;
  private final String byteOrderMark;
  private final List<TextLine> lines;
  private final List<DecodedCard> cards;
  private final List<String> warnings;
  private final Map<Integer, ContactMark> marks = new TreeMap<>();

  private AddressBook(
      String source, String text, List<TextLine> lines, CardDecoder.Decoded decoded) {
    this.source = source;
    this.text = text;
    this.byteOrderMark = text.startsWith(BYTE_ORDER_MARK) ? BYTE_ORDER_MARK : "";
    this.lines = lines;
    this.cards = decoded.cards();
    this.warnings = decoded.warnings();
  }

  /**
   * Reads the book in {@code file}, which must be UTF-8 (vCard 4.0 requires it; 2.1 files keep
   * other charsets inside quoted-printable values, which are ASCII).
   *
   * @throws AddressBookException if the file is not UTF-8 or not a well-formed vCard file
   * @throws IOException if the file cannot be read
   */
  public static AddressBook read(Path file) throws IOException, AddressBookException {
    byte[] bytes = Files.readAllBytes(file);
    String source = file.toString();
    String text;
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(in)
              .toString();
    } catch (CharacterCodingException notUtf8) {
      int at = in.position();
      throw new AddressBookException(
          source,
          lineOfByte(bytes, at),
          String.format("not UTF-8: byte 0x%02X", bytes[Math.min(at, bytes.length - 1)] & 0xFF));
    }
    return parse(text, source);
  }

  /**
   * Reads the book in {@code text}.
   *
   * @param sourceName what to call the text in messages, usually its file name
   * @throws AddressBookException if the text is not a well-formed vCard file
   */
  public static AddressBook parse(String text, String sourceName) throws AddressBookException {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(sourceName, "sourceName");
    String withoutMark = text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
    List<TextLine> lines = TextLine.split(withoutMark);
    List<CardLines> cards = CardScanner.scan(sourceName, lines);
    CardDecoder.Decoded decoded = CardDecoder.decode(sourceName, withoutMark, cards);
    return new AddressBook(sourceName, text, lines, decoded);
  }

  /** The name the book was read under, as messages give it. */
  public String source() {
    return source;
  }

  /** The contacts in file order, one per card, with the marks set so far. */
  public List<Contact> contacts() {
    List<Contact> contacts = new ArrayList<>(cards.size());
    for (DecodedCard card : cards) {
      Contact contact = card.contact();
      ContactMark mark = marks.get(contact.index());
      contacts.add(mark == null ? contact : contact.withMark(mark));
    }
    return List.copyOf(contacts);
  }

  /**
   * ez-vcard's warnings about properties the book neither reads nor writes (a malformed birthday,
   * say), each with its line, for the caller to log; they did not stop the reading.
   */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * Marks {@code contact} with {@code mark} for the next {@link #text} or {@link #write}; marking
   * again replaces the earlier mark.
   *
   * @throws IllegalArgumentException if {@code contact} is not a contact of this book
   */
  public void mark(Contact contact, ContactMark mark) {
    Objects.requireNonNull(mark, "mark");
    int index = contact.index();
    if (index >= cards.size() || !cards.get(index).contact().sameCardAs(contact)) {
      throw new IllegalArgumentException("not a contact of " + source + ": " + contact);
    }
    marks.put(index, mark);
  }

  /**
   * The book with the marks set: the text as read except for the marked cards' group and colour
   * lines; exactly the text as read if nothing was marked.
   */
  public String text() {
    if (marks.isEmpty()) {
      return text;
    }
    List<Edit> edits = new ArrayList<>();
    marks.forEach((index, mark) -> edits.addAll(MarkEditor.edits(cards.get(index), mark, lines)));
    StringBuilder out = new StringBuilder(text.length() + 64 * edits.size()).append(byteOrderMark);
    int line = 1;
    for (Edit edit : edits) {
      append(out, line, edit.firstLine());
      edit.lines().forEach(added -> out.append(added.content()).append(added.ending()));
      line = edit.firstLine() + edit.lineCount();
    }
    append(out, line, lines.size() + 1);
    return out.toString();
  }

  /**
   * Writes {@link #text} to {@code file} as UTF-8, atomically: into a temporary file beside it,
   * forced to disk, then moved over it, so that a crash leaves the old book or the new one, never
   * half of one. An existing file's POSIX permissions are kept.
   *
   * @throws IOException if it cannot be written, or the file system cannot move atomically
   */
  public void write(Path file) throws IOException {
    Path target = file.toAbsolutePath();
    Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(text().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      keepPermissions(target, temporary);
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void keepPermissions(Path original, Path replacement) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(original, PosixFileAttributeView.class);
    if (view != null && Files.exists(original)) {
      Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(original));
    }
  }

  private void append(StringBuilder out, int fromLine, int toLine) {
    for (int line = fromLine; line < toLine; line++) {
      TextLine copied = lines.get(line - 1);
      out.append(copied.content()).append(copied.ending());
    }
  }

  /** The 1-based line of the byte at {@code offset}, counting CRLF, LF and CR as line breaks. */
  private static int lineOfByte(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      boolean crlf = bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n';
      if (bytes[i] == '\n' || (bytes[i] == '\r' && !crlf)) {
        line++;
      }
    }
    return line;
  }
}
