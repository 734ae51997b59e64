package org.telco.phone.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import ezvcard.VCardVersion;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyWriterTest {
  @Test
  void listValuesAreEscapedAsEzVcardReadsThem() {
    assertThat(PropertyWriter.escape(List.of("a,b", "c;d", "e\\f", "g\nh", "i\r\nj")))
        .isEqualTo("a\\,b,c\\;d,e\\\\f,g\\nh,i\\nj");
  }

  @Test
  void version21WritesNonAsciiQuotedPrintableWithCharsetAndAsciiPlain() {
    assertThat(PropertyWriter.fresh("CATEGORIES", List.of("Autopay: normal"), VCardVersion.V2_1))
        .containsExactly("CATEGORIES:Autopay: normal");
    assertThat(
            PropertyWriter.fresh("CATEGORIES", List.of("家人", "Autopay: normal"), VCardVersion.V2_1))
        .containsExactly(
            "CATEGORIES;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=AE=B6=E4=BA=BA,Autop=",
            "ay:=20normal");
  }

  @Test
  void version30And40WriteUtf8AsItIs() {
    for (VCardVersion version : List.of(VCardVersion.V3_0, VCardVersion.V4_0)) {
      assertThat(PropertyWriter.fresh("CATEGORIES", List.of("家人", "Autopay: normal"), version))
          .containsExactly("CATEGORIES:家人,Autopay: normal");
    }
  }

  @Test
  void version21PlainLinesAreNotFolded() {
    String longValue = "x".repeat(200);

    assertThat(PropertyWriter.fresh("CATEGORIES", List.of(longValue), VCardVersion.V2_1))
        .containsExactly("CATEGORIES:" + longValue);
  }

  @Test
  void rewriteKeepsGroupParametersAndCharsetAsWritten() {
    PropertyLine gbk =
        new PropertyLine(
            3,
            3,
            "item1",
            "CATEGORIES",
            "item1.CATEGORIES;CHARSET=GBK;QUOTED-PRINTABLE",
            PropertyLine.QUOTED_PRINTABLE,
            "GBK");

    List<String> lines =
        PropertyWriter.rewrite(gbk, List.of("家人", "Autopay: normal"), VCardVersion.V2_1);

    String encodedFamily = QuotedPrintable.encode("家人", Charset.forName("GBK"));
    assertThat(encodedFamily).isEqualTo("=BC=D2=C8=CB");
    assertThat(lines)
        .containsExactly(
            "item1.CATEGORIES;CHARSET=GBK;QUOTED-PRINTABLE:" + encodedFamily + ",Autopay:=20norma=",
            "l");
  }

  @Test
  void lineInAnotherEncodingIsWrittenAfresh() {
    PropertyLine base64 =
        new PropertyLine(3, 3, "", "CATEGORIES", "CATEGORIES;ENCODING=b", "B", "");

    assertThat(PropertyWriter.rewrite(base64, List.of("Autopay: normal"), VCardVersion.V3_0))
        .containsExactly("CATEGORIES:Autopay: normal");
  }

  @Test
  void foldingNeverSplitsACharacter() {
    String line = "CATEGORIES:" + "😀".repeat(40);

    List<String> folded = PropertyWriter.fold(line);

    assertThat(folded)
        .allSatisfy(
            part ->
                assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    assertThat(folded.get(0)).isEqualTo("CATEGORIES:" + "😀".repeat(16));
    assertThat(folded.get(1)).startsWith(" 😀");
  }

  @Test
  void quotedPrintableFoldingNeverSplitsAnEscape() {
    List<String> folded =
        QuotedPrintable.fold(
            "NOTE;ENCODING=QUOTED-PRINTABLE:",
            QuotedPrintable.encode("家".repeat(30), StandardCharsets.UTF_8));

    assertThat(folded).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
    assertThat(folded.subList(0, folded.size() - 1))
        .allSatisfy(line -> assertThat(line).endsWith("="));
    assertThat(folded.subList(1, folded.size()))
        .allSatisfy(line -> assertThat(line).startsWith("="));
  }
}
