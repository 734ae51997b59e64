package org.telco.phone.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddressBookReadTest {
  @Test
  void version21QuotedPrintableNamesAndCellNumbersAreRead() {
    List<Contact> contacts = VcardFiles.read(VcardFiles.ANDROID_21).contacts();

    assertThat(contacts)
        .extracting(Contact::index, Contact::name)
        .containsExactly(
            tuple(0, "张伟"),
            tuple(1, "王秀英（北京市海淀区中关村软件园二期研发中心）"),
            tuple(2, "李娜"),
            tuple(3, "Beijing Office"),
            tuple(4, "China Mobile"),
            tuple(5, "John Smith"),
            tuple(6, "陈静"));
    assertThat(msisdns(contacts.get(0))).containsExactly("8613800000001");
    assertThat(contacts.get(0).mobiles().get(0).raw()).isEqualTo("138 0000 0001");
    assertThat(msisdns(contacts.get(1))).containsExactly("8613900000002");
    assertThat(msisdns(contacts.get(2)))
        .as("CELL;VOICE, then PREF only (a duplicate, kept once), then no TYPE at all")
        .containsExactly("8613900000003", "8613900000004");
    assertThat(contacts.get(3).mobiles()).as("landline and fax only").isEmpty();
    assertThat(contacts.get(4).mobiles()).as("a short code typed CELL").isEmpty();
    assertThat(msisdns(contacts.get(5)))
        .as("a foreign CELL counts; a foreign number without TYPE does not")
        .containsExactly("447700900123");
    assertThat(msisdns(contacts.get(6)))
        .as("lower-case cell, 0086")
        .containsExactly("8618600000005");
    assertThat(contacts).extracting(Contact::mark).containsOnly(Optional.empty());
  }

  @Test
  void version30FoldedLinesTypeListsAndScriptsAreRead() {
    List<Contact> contacts = VcardFiles.read(VcardFiles.GOOGLE_30).contacts();

    assertThat(contacts)
        .extracting(Contact::name)
        .containsExactly(
            "赵磊",
            "محمد عبد الله",
            "Mom ❤️😀",
            "王芳（北京协和医院心内科主任医师，周一至周五上午门诊，周末请勿来电）",
            "Li Ming",
            Contact.NO_NAME);
    assertThat(contacts.get(0).mobiles())
        .extracting(MobileNumber::raw, MobileNumber::msisdn)
        .containsExactly(
            tuple("138-0000-0011", "8613800000011"), tuple("+86 (139) 0000.0012", "8613900000012"));
    assertThat(msisdns(contacts.get(1)))
        .as("a Saudi CELL and a grouped (item1.) Chinese CELL")
        .containsExactly("966501234567", "8613500000013");
    assertThat(msisdns(contacts.get(2))).containsExactly("8615000000014");
    assertThat(msisdns(contacts.get(3)))
        .as("the same mobile written twice is kept once, as first written")
        .containsExactly("8618600000015");
    assertThat(contacts.get(3).mobiles().get(0).raw()).isEqualTo("+86 186-0000-0015");
    assertThat(contacts.get(4).mobiles()).as("e-mail only").isEmpty();
    assertThat(msisdns(contacts.get(5))).containsExactly("8613700000016");
  }

  @Test
  void version40TelUrisAreReadAndExistingMarksAreVisible() {
    List<Contact> contacts = VcardFiles.read(VcardFiles.RFC_40).contacts();

    assertThat(contacts)
        .extracting(Contact::name)
        .containsExactly("山田太郎", "Ana María Pérez", "Олег Иванов");
    assertThat(contacts.get(0).mobiles())
        .extracting(MobileNumber::raw, MobileNumber::msisdn)
        .containsExactly(
            tuple("tel:+86-138-0000-0021", "8613800000021"),
            tuple("tel:+86-139-0000-0022", "8613900000022"));
    assertThat(msisdns(contacts.get(1)))
        .as("an untyped Chinese mobile counts, a work one does not")
        .containsExactly("8613700000023");
    assertThat(msisdns(contacts.get(2)))
        .as("a Russian CELL counts; a Chinese landline typed cell does not")
        .containsExactly("79161234567");
    assertThat(contacts)
        .extracting(Contact::mark)
        .containsExactly(
            Optional.empty(),
            Optional.of(ContactMark.NORMAL),
            Optional.of(ContactMark.VOLUNTARILY_SUSPENDED));
  }

  @Test
  void nameIsBuiltFromNWhenThereIsNoFormattedName() {
    AddressBook book =
        VcardFiles.parse(
            """
            BEGIN:VCARD
            VERSION:3.0
            N:Smith;John;Quincy;Dr.;Jr.
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            N:김;민준;;;
            FN:
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            N:;;;;
            END:VCARD
            """);

    assertThat(book.contacts())
        .extracting(Contact::name)
        .containsExactly("Dr. John Quincy Smith Jr.", "김민준", Contact.NO_NAME);
  }

  @Test
  void versionsMayBeMixedInOneFile() {
    AddressBook book =
        VcardFiles.parse(
            VcardFiles.text(VcardFiles.RFC_40)
                + VcardFiles.text(VcardFiles.ANDROID_21)
                + VcardFiles.text(VcardFiles.GOOGLE_30));

    assertThat(book.contacts()).hasSize(3 + 7 + 6);
    assertThat(book.contacts().get(3).name()).isEqualTo("张伟");
    assertThat(book.contacts().get(15).mobiles())
        .extracting(MobileNumber::msisdn)
        .containsExactly("8613700000016");
  }

  @Test
  void version21FoldsDropAllLeadingBlanksAndLaterVersionsOne() {
    AddressBook book =
        VcardFiles.parse(
            "BEGIN:VCARD\nVERSION:2.1\nFN:Zhang\n   Wei\nTEL;CELL:138\n  0000 0001\nEND:VCARD\n"
                + "BEGIN:VCARD\nVERSION:3.0\nFN:Zhang\n  Wei\nEND:VCARD\n");

    assertThat(book.contacts()).extracting(Contact::name).containsExactly("ZhangWei", "Zhang Wei");
    assertThat(book.contacts().get(0).mobiles())
        .extracting(MobileNumber::msisdn)
        .containsExactly("8613800000001");
  }

  @Test
  void emptyFileHasNoContacts() {
    assertThat(VcardFiles.parse("").contacts()).isEmpty();
    assertThat(VcardFiles.parse("\r\n\r\n").contacts()).isEmpty();
  }

  @Test
  void byteOrderMarkAndBlankLinesBetweenCardsAreAccepted() {
    AddressBook book =
        VcardFiles.parse(
            "\uFEFFBEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nTEL:13800000001\r\nEND:VCARD\r\n\r\n"
                + "BEGIN:VCARD\r\nVERSION:3.0\r\n\r\nFN:B\r\nEND:VCARD\r\n");

    assertThat(book.contacts()).extracting(Contact::name).containsExactly("A", "B");
    assertThat(msisdns(book.contacts().get(0))).containsExactly("8613800000001");
  }

  @Test
  void bareCrLineBreaksAreLineBreaks() {
    AddressBook book =
        VcardFiles.parse("BEGIN:VCARD\rVERSION:2.1\rFN:Old Mac\rTEL;CELL:13800000001\rEND:VCARD\r");

    assertThat(book.contacts()).extracting(Contact::name).containsExactly("Old Mac");
    assertThat(book.text())
        .isEqualTo("BEGIN:VCARD\rVERSION:2.1\rFN:Old Mac\rTEL;CELL:13800000001\rEND:VCARD\r");
  }

  @Test
  void warningsAboutPropertiesTheBookDoesNotUseAreKeptNotThrown() {
    AddressBook book =
        VcardFiles.parse(
            """
            BEGIN:VCARD
            VERSION:4.0
            FN:Zhou Jie
            BDAY:sometime in spring
            TEL;TYPE=cell:13800000001
            END:VCARD
            """);

    assertThat(book.contacts()).extracting(Contact::name).containsExactly("Zhou Jie");
    assertThat(book.warnings()).singleElement().asString().startsWith("test.vcf line 4: BDAY");
  }

  private static List<String> msisdns(Contact contact) {
    return contact.mobiles().stream().map(MobileNumber::msisdn).toList();
  }
}
