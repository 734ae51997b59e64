package org.telco.phone.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mangstadt.vinnie.codec.DecoderException;
import com.github.mangstadt.vinnie.codec.QuotedPrintableCodec;
import ezvcard.Ezvcard;
import ezvcard.VCardVersion;
import ezvcard.property.Categories;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class WritingProperties {
  @Property
  void foldedLinesUnfoldToTheLine(@ForAll("texts") String value) {
    String line = "NOTE:" + value;

    List<String> folded = PropertyWriter.fold(line);

    assertThat(folded)
        .allSatisfy(
            part ->
                assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    StringBuilder unfolded = new StringBuilder(folded.get(0));
    folded.stream().skip(1).forEach(part -> unfolded.append(part.substring(1)));
    assertThat(unfolded.toString()).isEqualTo(line);
  }

  @Property
  void quotedPrintableLinesDecodeToTheValue(@ForAll("texts") String value) throws DecoderException {
    String encoded = QuotedPrintable.encode(value, StandardCharsets.UTF_8);

    List<String> folded = QuotedPrintable.fold("NOTE;ENCODING=QUOTED-PRINTABLE:", encoded);

    assertThat(folded).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
    String joined =
        String.join(
            "",
            folded.stream()
                .map(
                    line ->
                        line.endsWith("=") && folded.indexOf(line) < folded.size() - 1
                            ? line.substring(0, line.length() - 1)
                            : line)
                .toList());
    String decoded =
        new QuotedPrintableCodec("UTF-8").decode(joined.substring(joined.indexOf(':') + 1));
    assertThat(decoded).isEqualTo(value);
    assertThat(QuotedPrintable.check(encoded, StandardCharsets.UTF_8)).isEmpty();
  }

  @Property(tries = 300)
  void markingKeepsAnyCategoriesOfTheUser(
      @ForAll("categories") List<String> categories,
      @ForAll VCardVersion version,
      @ForAll ContactMark mark)
      throws AddressBookException {
    String newline = version == VCardVersion.V3_0 ? "\n" : "\r\n";
    String card =
        String.join(newline, "BEGIN:VCARD", "VERSION:" + version.getVersion(), "FN:Test")
            + newline
            + String.join(newline, PropertyWriter.fresh("CATEGORIES", categories, version))
            + newline
            + "END:VCARD"
            + newline;
    AddressBook book = AddressBook.parse(card, "p.vcf");
    assertThat(categoriesOf(book.text())).isEqualTo(categories);

    book.mark(book.contacts().get(0), mark);
    String marked = book.text();

    List<String> expected = new ArrayList<>(categories);
    expected.add(mark.group());
    assertThat(categoriesOf(marked)).isEqualTo(expected);
    assertThat(AddressBook.parse(marked, "p.vcf").contacts().get(0).mark()).contains(mark);
    assertThat(marked.replace("\r\n", "")).doesNotContain(newline.equals("\n") ? "\r" : "\n");
  }

  private static List<String> categoriesOf(String text) {
    return Ezvcard.parse(text).first().getCategoriesList().stream()
        .map(Categories::getValues)
        .flatMap(List::stream)
        .toList();
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings()
        .withChars("abc XYZ,;:=\\\t")
        .withChars("张伟家人ابت")
        .withCharRange('\u0000', '\u00FF')
        .ofMaxLength(200)
        .edgeCases(edges -> edges.add("😀😀😀"))
        .injectDuplicates(0.1);
  }

  @Provide
  Arbitrary<List<String>> categories() {
    Arbitrary<String> category =
        Arbitraries.strings()
            .withChars("abcxyz ,;\\-")
            .withChars("朋友同事家人")
            .withChars("❤☺★")
            .ofMinLength(1)
            .ofMaxLength(30)
            .filter(value -> value.equals(value.strip()))
            .filter(value -> !ContactMark.isAutopayCategory(value));
    return category.list().ofMinSize(1).ofMaxSize(6);
  }
}
