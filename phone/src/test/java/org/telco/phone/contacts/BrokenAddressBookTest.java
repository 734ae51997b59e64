package org.telco.phone.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each broken file is refused, naming the source, the line and what is wrong there. */
class BrokenAddressBookTest {
  @Test
  void cardWithoutEndIsRefusedAtItsBegin() {
    AddressBookException broken =
        refused(
            """
            BEGIN:VCARD
            VERSION:3.0
            FN:Complete
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            FN:Cut off
            TEL;TYPE=CELL:13800000001
            """);

    assertThat(broken.lineNumber()).isEqualTo(5);
    assertThat(broken).hasMessage("broken.vcf line 5: the card begun here has no END:VCARD");
  }

  @Test
  void beginInsideACardIsRefusedWhereItStands() {
    AddressBookException broken =
        refused(
            """
            BEGIN:VCARD
            VERSION:3.0
            FN:First
            BEGIN:VCARD
            VERSION:3.0
            FN:Second
            END:VCARD
            """);

    assertThat(broken.lineNumber()).isEqualTo(4);
    assertThat(broken.problem())
        .isEqualTo("BEGIN:VCARD inside the card begun on line 1, which has no END:VCARD");
  }

  @Test
  void lineWithoutColonIsNotAProperty() {
    AddressBookException broken =
        refused(
            """
            BEGIN:VCARD
            VERSION:2.1
            FN:Zhang Wei
            NOTE:call after six
            and not on Sundays
            END:VCARD
            """);

    assertThat(broken.lineNumber()).isEqualTo(5);
    assertThat(broken.problem()).isEqualTo("not a property (no colon): \"and not on Sundays\"");
  }

  @Test
  void lineWhoseNameIsNotAPropertyNameIsNotAProperty() {
    AddressBookException broken =
        refused("BEGIN:VCARD\nVERSION:3.0\nFN:Li Lei\nMeeting at 10:30\nEND:VCARD\n");

    assertThat(broken.lineNumber()).isEqualTo(4);
    assertThat(broken.problem()).startsWith("not a property (bad name)");
  }

  @Test
  void badQuotedPrintableSequenceIsRefusedOnTheLineItIsOn() {
    AddressBookException broken =
        refused(
            """
            BEGIN:VCARD
            VERSION:2.1
            FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E7=8E=8B=E7=A7=80=E8=8B=B1=EF=
            =BC=88=E5=8C=97=E4=BA=AC=ZZ=E5=B8=82=EF=BC=89
            TEL;CELL:13800000001
            END:VCARD
            """);

    assertThat(broken.lineNumber()).as("the continuation line").isEqualTo(4);
    assertThat(broken.problem()).isEqualTo("bad quoted-printable sequence \"=ZZ\"");
  }

  @Test
  void quotedPrintableBytesThatAreNotUtf8AreRefused() {
    AddressBookException broken =
        refused(
            "BEGIN:VCARD\r\nVERSION:2.1\r\n"
                + "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC;=E4=BC=9F;;;\r\nEND:VCARD\r\n");

    assertThat(broken.lineNumber()).isEqualTo(3);
    assertThat(broken.problem()).isEqualTo("the decoded bytes are not valid UTF-8");
  }

  @Test
  void rawNonAsciiInAQuotedPrintableValueIsRefused() {
    AddressBookException broken =
        refused(
            "BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:张=E4=BC=9F\nEND:VCARD\n");

    assertThat(broken.lineNumber()).isEqualTo(3);
    assertThat(broken.problem()).isEqualTo("character U+5F20 is not quoted-printable");
  }

  @Test
  void unknownCharsetOfAQuotedPrintableValueIsRefused() {
    AddressBookException broken =
        refused(
            "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=KLINGON;QUOTED-PRINTABLE:=E4=BC=9F\nEND:VCARD\n");

    assertThat(broken.lineNumber()).isEqualTo(3);
    assertThat(broken.problem()).isEqualTo("unknown CHARSET=KLINGON");
  }

  @Test
  void endWithoutBeginAndTextOutsideCardsAreRefused() {
    assertThat(refused("BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nEND:VCARD\n").problem())
        .isEqualTo("END:VCARD without a BEGIN:VCARD before it");
    AddressBookException outside = refused("BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\n\nFN:B\n");
    assertThat(outside.lineNumber()).isEqualTo(6);
    assertThat(outside.problem())
        .isEqualTo("text outside a vCard where BEGIN:VCARD was expected: \"FN:B\"");
    assertThat(refused("Name,Phone\nZhang Wei,13800000001\n").lineNumber()).isEqualTo(1);
  }

  @Test
  void otherComponentsAreRefused() {
    assertThat(refused("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n").problem())
        .isEqualTo("BEGIN:VCALENDAR where BEGIN:VCARD was expected");
    AddressBookException nested =
        refused("BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCALENDAR\nEND:VCARD\n");
    assertThat(nested.lineNumber()).isEqualTo(4);
    assertThat(nested.problem()).isEqualTo("END:VCALENDAR where END:VCARD was expected");
  }

  @Test
  void unknownVersionReportedByEzVcardIsFatal() {
    AddressBookException broken =
        refused("BEGIN:VCARD\nVERSION:5.0\nFN:From the future\nEND:VCARD\n");

    assertThat(broken.lineNumber()).isEqualTo(2);
    assertThat(broken.problem()).startsWith("VERSION: ").contains("Unknown version number");
  }

  @Test
  void missingVersionReportedByEzVcardIsFatalAtTheCard() {
    AddressBookException broken =
        refused(
            """
            BEGIN:VCARD
            VERSION:3.0
            FN:Has one
            END:VCARD
            BEGIN:VCARD
            FN:Has none
            END:VCARD
            """);

    assertThat(broken.lineNumber()).isEqualTo(5);
    assertThat(broken.problem()).contains("VERSION property missing");
  }

  @Test
  void telephoneEzVcardCannotParseIsFatalAfterBlankLines() {
    AddressBookException broken =
        refused(
            """
            BEGIN:VCARD
            VERSION:4.0
            FN:Uri without scheme


            TEL;VALUE=uri;TYPE=cell:138 0000 0001
            END:VCARD
            """);

    assertThat(broken.lineNumber()).as("the TEL line, not the blank lines before it").isEqualTo(6);
    assertThat(broken.problem()).startsWith("TEL: ").contains("tel URI");
  }

  @Test
  void nonFatalWarningNamesThePropertyLineAfterBlankLines() throws AddressBookException {
    AddressBook book =
        AddressBook.parse(
            "BEGIN:VCARD\nVERSION:4.0\nFN:Zhou Jie\n\n\nBDAY:not a date\nEND:VCARD\n", "w.vcf");

    assertThat(book.warnings()).singleElement().asString().startsWith("w.vcf line 6: BDAY: ");
  }

  @Test
  void fileThatIsNotUtf8IsRefusedAtTheLineOfTheFirstBadByte(@TempDir Path directory)
      throws IOException {
    Path file = directory.resolve("gbk.vcf");
    String text = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Zhang;Wei;;;\r\nFN:张伟\r\nEND:VCARD\r\n";
    Files.write(file, text.getBytes(Charset.forName("GBK")));

    AddressBookException broken =
        catchThrowableOfType(AddressBookException.class, () -> AddressBook.read(file));

    assertThat(broken.lineNumber()).isEqualTo(4);
    assertThat(broken.source()).isEqualTo(file.toString());
    assertThat(broken.problem()).startsWith("not UTF-8: byte 0x");
  }

  @Test
  void sameFileInUtf8IsRead(@TempDir Path directory) throws IOException, AddressBookException {
    Path file = directory.resolve("utf8.vcf");
    String text = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Zhang;Wei;;;\r\nFN:张伟\r\nEND:VCARD\r\n";
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));

    assertThat(AddressBook.read(file).contacts()).extracting(Contact::name).containsExactly("张伟");
  }

  private static AddressBookException refused(String text) {
    AddressBookException broken =
        catchThrowableOfType(
            AddressBookException.class, () -> AddressBook.parse(text, "broken.vcf"));
    assertThat(broken).as("refused").isNotNull();
    assertThat(broken.source()).isEqualTo("broken.vcf");
    assertThat(broken.getMessage())
        .isEqualTo("broken.vcf line " + broken.lineNumber() + ": " + broken.problem());
    return broken;
  }
}
