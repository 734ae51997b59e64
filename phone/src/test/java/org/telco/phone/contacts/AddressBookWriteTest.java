package org.telco.phone.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.property.Categories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class AddressBookWriteTest {
  static final List<String> FILES = VcardFiles.ALL;

  @TempDir Path directory;

  @ParameterizedTest
  @FieldSource("FILES")
  void bookWithoutMarksWritesBackByteForByte(String name) throws IOException {
    AddressBook book = VcardFiles.read(name);
    Path copy = directory.resolve(name);

    book.write(copy);

    assertThat(book.text()).isEqualTo(VcardFiles.text(name));
    assertThat(Files.readAllBytes(copy)).isEqualTo(VcardFiles.bytes(name));
  }

  @ParameterizedTest
  @FieldSource("FILES")
  void markingChangesOnlyTheAgentsLinesAndKeepsLineBreaks(String name) {
    AddressBook book = VcardFiles.read(name);
    markAll(book);
    String original = VcardFiles.text(name);

    String marked = book.text();

    assertThat(withoutAgentLines(marked))
        .as("every other line, with its line break, as it was")
        .containsExactlyElementsOf(withoutAgentLines(original));
    boolean crlf = original.contains("\r\n");
    assertThat(marked.replace("\r\n", ""))
        .as("no line break of another kind")
        .doesNotContain(crlf ? "\n" : "\r");
  }

  @ParameterizedTest
  @FieldSource("FILES")
  void writtenBookReadsBackWithTheMarksAndTheSameNumbers(String name) throws IOException {
    AddressBook book = VcardFiles.read(name);
    markAll(book);
    Path file = directory.resolve(name);

    book.write(file);
    AddressBook written = readBack(file);

    assertThat(written.contacts()).isEqualTo(book.contacts());
    assertThat(written.contacts())
        .extracting(Contact::mobiles)
        .isEqualTo(VcardFiles.read(name).contacts().stream().map(Contact::mobiles).toList());
  }

  @ParameterizedTest
  @FieldSource("FILES")
  void markingAgainReplacesInsteadOfAdding(String name) throws IOException {
    AddressBook first = VcardFiles.read(name);
    markAll(first);
    Path file = directory.resolve(name);
    first.write(file);

    AddressBook second = readBack(file);
    second.contacts().forEach(contact -> second.mark(contact, ContactMark.UNKNOWN));
    String text = second.text();

    assertThat(readBackText(text).contacts())
        .extracting(Contact::mark)
        .containsOnly(Optional.of(ContactMark.UNKNOWN));
    assertThat(count(text, "Autopay")).as("one group per card").isEqualTo(second.contacts().size());
    assertThat(count(text, ContactMark.COLOUR_PROPERTY)).isEqualTo(second.contacts().size());
    assertThat(withoutAgentLines(text))
        .containsExactlyElementsOf(withoutAgentLines(VcardFiles.text(name)));
  }

  @ParameterizedTest
  @FieldSource("FILES")
  void markingWithTheMarksAlreadyWrittenChangesNothing(String name) throws IOException {
    AddressBook first = VcardFiles.read(name);
    markAll(first);
    Path file = directory.resolve(name);
    first.write(file);

    AddressBook second = readBack(file);
    second.contacts().forEach(contact -> second.mark(contact, contact.mark().orElseThrow()));

    assertThat(second.text()).isEqualTo(Files.readString(file));
  }

  @Test
  void marksGoBeforeEndInTheCardsLineBreaks() {
    AddressBook book = VcardFiles.read(VcardFiles.ANDROID_21);
    book.mark(book.contacts().get(0), ContactMark.NORMAL);

    assertThat(book.text())
        .startsWith(
            VcardFiles.text(VcardFiles.ANDROID_21)
                .substring(0, VcardFiles.text(VcardFiles.ANDROID_21).indexOf("END:VCARD")))
        .contains(
            "AAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=\r\n\r\nCATEGORIES:Autopay: normal\r\nX-TELCO-COLOUR:#2E7D32\r\nEND:VCARD\r\n");
  }

  @Test
  void existingCategoriesAreKeptAndTheGroupAdded() {
    AddressBook book = VcardFiles.read(VcardFiles.GOOGLE_30);
    book.mark(book.contacts().get(0), ContactMark.VOLUNTARILY_SUSPENDED);

    String text = book.text();

    assertThat(text)
        .contains("\nCATEGORIES:Friends,Badminton\\, Tuesday,Autopay: voluntarily suspended\n")
        .contains("\nX-TELCO-COLOUR:#757575\nEND:VCARD\n");
    assertThat(categories(text, 0))
        .containsExactly("Friends", "Badminton, Tuesday", "Autopay: voluntarily suspended");
  }

  @Test
  void quotedPrintableCategoriesStayQuotedPrintableWithSoftBreaks() {
    AddressBook book = VcardFiles.read(VcardFiles.ANDROID_21);
    book.mark(book.contacts().get(6), ContactMark.NORMAL);

    String text = book.text();

    assertThat(text)
        .contains(
            "\r\nCATEGORIES;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E6=9C=8B=E5=8F=8B,=E5=\r\n"
                + "=90=8C=E4=BA=8B,Autopay:=20normal\r\n"
                + "X-TELCO-COLOUR:#2E7D32\r\nEND:VCARD\r\n");
    assertThat(categories(text, 6)).containsExactly("朋友", "同事", "Autopay: normal");
  }

  @Test
  void ourGroupKeepsItsPlaceAndOurColourLineIsReplacedInPlace() {
    AddressBook book = VcardFiles.read(VcardFiles.RFC_40);
    book.mark(book.contacts().get(1), ContactMark.VOLUNTARILY_SUSPENDED);
    book.mark(book.contacts().get(2), ContactMark.NORMAL);

    assertThat(book.text())
        .contains(
            "CATEGORIES:Autopay: voluntarily suspended,Colleagues\r\nX-TELCO-COLOUR:#757575\r\nEND:VCARD\r\n")
        .contains(
            "TEL;VALUE=uri;TYPE=cell:tel:+86-10-6234-5679\r\nCATEGORIES:Autopay: normal\r\n"
                + "X-TELCO-COLOUR:#2E7D32\r\nEND:VCARD\r\n");
  }

  @Test
  void agentCategoriesSpreadOverSeveralLinesAreGathered() {
    AddressBook book =
        VcardFiles.parse(
            """
            BEGIN:VCARD
            VERSION:3.0
            FN:Sun Li
            CATEGORIES:Family
            item2.CATEGORIES:Autopay: unknown
            CATEGORIES:Autopay: normal,Gym
            TEL;TYPE=CELL:13800000001
            X-TELCO-COLOUR:#F9A825
            x-telco-colour:#2E7D32
            END:VCARD
            """);
    book.mark(book.contacts().get(0), ContactMark.VOLUNTARILY_SUSPENDED);

    assertThat(book.text())
        .isEqualTo(
            """
            BEGIN:VCARD
            VERSION:3.0
            FN:Sun Li
            CATEGORIES:Family
            item2.CATEGORIES:Autopay: voluntarily suspended
            CATEGORIES:Gym
            TEL;TYPE=CELL:13800000001
            X-TELCO-COLOUR:#757575
            END:VCARD
            """);
  }

  @Test
  void foldedCategoriesLineIsReplacedWhole() {
    AddressBook book =
        VcardFiles.parse(
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Qian\r\nCATEGORIES:Family,Autopay: no\r\n"
                + " rmal,Neighbours\r\nTEL;TYPE=cell:13800000001\r\nEND:VCARD\r\n");
    assertThat(book.contacts().get(0).mark()).contains(ContactMark.NORMAL);

    book.mark(book.contacts().get(0), ContactMark.UNKNOWN);

    assertThat(book.text())
        .isEqualTo(
            "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Qian\r\n"
                + "CATEGORIES:Family,Autopay: unknown,Neighbours\r\n"
                + "TEL;TYPE=cell:13800000001\r\nX-TELCO-COLOUR:#F9A825\r\nEND:VCARD\r\n");
  }

  @Test
  void longCategoriesAreFoldedFromVersion30AndReadBack() {
    String many = "Badminton club,Chaoyang neighbours,University classmates,WeChat group 读书会";
    AddressBook book =
        VcardFiles.parse(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Gao Yuan\r\nCATEGORIES:"
                + many
                + "\r\nEND:VCARD\r\n");
    book.mark(book.contacts().get(0), ContactMark.NORMAL);

    String text = book.text();

    assertThat(TextLine.split(text))
        .allSatisfy(
            line ->
                assertThat(line.content().getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(75));
    assertThat(text).contains("\r\n ");
    assertThat(categories(text, 0))
        .containsExactly(
            "Badminton club",
            "Chaoyang neighbours",
            "University classmates",
            "WeChat group 读书会",
            "Autopay: normal");
  }

  @Test
  void version21LineWithRawUtf8GetsACharset() {
    AddressBook book =
        VcardFiles.parse("BEGIN:VCARD\nVERSION:2.1\nFN:Zhou\nCATEGORIES:家人\nEND:VCARD\n");
    book.mark(book.contacts().get(0), ContactMark.NORMAL);

    assertThat(book.text()).contains("\nCATEGORIES;CHARSET=UTF-8:家人,Autopay: normal\n");
    assertThat(categories(book.text(), 0)).containsExactly("家人", "Autopay: normal");
  }

  @Test
  void contactsShowMarksBeforeTheBookIsWritten() {
    AddressBook book = VcardFiles.read(VcardFiles.GOOGLE_30);
    Contact zhao = book.contacts().get(0);

    book.mark(zhao, ContactMark.NORMAL);

    assertThat(book.contacts().get(0)).isEqualTo(zhao.withMark(ContactMark.NORMAL));
    assertThat(book.contacts().get(1).mark()).isEmpty();
  }

  @Test
  void contactOfAnotherBookCannotBeMarked() {
    AddressBook book = VcardFiles.read(VcardFiles.GOOGLE_30);
    Contact stranger = VcardFiles.read(VcardFiles.ANDROID_21).contacts().get(0);
    Contact beyond = new Contact(99, "Nobody", List.of(), Optional.empty());

    assertThatThrownBy(() -> book.mark(stranger, ContactMark.NORMAL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> book.mark(beyond, ContactMark.NORMAL))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writeReplacesTheFileKeepsItsPermissionsAndLeavesNoTemporaryFile() throws IOException {
    Path file = directory.resolve("contacts.vcf");
    Files.write(file, VcardFiles.bytes(VcardFiles.GOOGLE_30));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    AddressBook book = readBack(file);
    book.mark(book.contacts().get(1), ContactMark.NORMAL);

    book.write(file);

    assertThat(Files.readString(file)).isEqualTo(book.text());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files).containsExactly(file);
    }
  }

  private static void markAll(AddressBook book) {
    ContactMark[] marks = ContactMark.values();
    for (Contact contact : book.contacts()) {
      book.mark(contact, marks[contact.index() % marks.length]);
    }
  }

  /** The physical lines with their breaks, leaving out CATEGORIES and colour properties. */
  private static List<String> withoutAgentLines(String text) {
    List<String> kept = new ArrayList<>();
    boolean skipping = false;
    boolean quotedPrintable = false;
    boolean softBreak = false;
    for (TextLine line : TextLine.split(text)) {
      String content = line.content();
      if (!(softBreak || content.startsWith(" ") || content.startsWith("\t"))) {
        String name = content.replaceFirst("^[A-Za-z0-9-]+\\.", "").toUpperCase(Locale.ROOT);
        skipping = name.startsWith("CATEGORIES") || name.startsWith(ContactMark.COLOUR_PROPERTY);
        quotedPrintable = content.toUpperCase(Locale.ROOT).contains("QUOTED-PRINTABLE");
      }
      softBreak = quotedPrintable && content.endsWith("=");
      if (!skipping) {
        kept.add(content + line.ending());
      }
    }
    return kept;
  }

  private static List<String> categories(String text, int card) {
    VCard vcard = Ezvcard.parse(text).all().get(card);
    return vcard.getCategoriesList().stream()
        .map(Categories::getValues)
        .flatMap(List::stream)
        .toList();
  }

  private static int count(String text, String needle) {
    return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
  }

  private static AddressBook readBack(Path file) throws IOException {
    try {
      return AddressBook.read(file);
    } catch (AddressBookException e) {
      throw new AssertionError(e);
    }
  }

  private static AddressBook readBackText(String text) {
    return VcardFiles.parse(text);
  }
}
