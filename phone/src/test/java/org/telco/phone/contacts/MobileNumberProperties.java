package org.telco.phone.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MobileNumberProperties {
  @Property
  void anyFormattingOfAChineseMobileNormalisesToTheSameMsisdn(
      @ForAll("nationalMobiles") String national, @ForAll("formatted") Formatting formatting) {
    String written = formatting.apply(national);
    String msisdn = "86" + national;

    assertThat(MobileNumber.internationalForm(written)).as(written).contains(msisdn);
    assertThat(MobileNumber.recognise(written, List.of("CELL")))
        .as(written)
        .map(MobileNumber::msisdn)
        .contains(msisdn);
    assertThat(MobileNumber.recognise(written, List.of()))
        .as(written)
        .map(MobileNumber::msisdn)
        .contains(msisdn);
  }

  @Property
  void chineseLandlinesAreNeverMobiles(
      @ForAll("landlines") String national, @ForAll("formatted") Formatting formatting) {
    String written = formatting.apply(national.substring(1));

    assertThat(MobileNumber.recognise(national, List.of("CELL"))).as(national).isEmpty();
    assertThat(MobileNumber.recognise(written, List.of("CELL"))).as(written).isEmpty();
    assertThat(MobileNumber.recognise(written, List.of())).as(written).isEmpty();
  }

  @Property
  void anyTextHasNoInternationalFormOrAValidOne(@ForAll String written) {
    MobileNumber.internationalForm(written)
        .ifPresent(msisdn -> assertThat(msisdn).matches("[1-9][0-9]{7,14}"));
  }

  /** How a number is written around its digits. */
  record Formatting(String prefix, List<String> separators, boolean uri) {
    String apply(String digits) {
      StringBuilder written = new StringBuilder(uri ? "tel:" : "").append(prefix);
      for (int i = 0; i < digits.length(); i++) {
        written.append(separators.get(i % separators.size())).append(digits.charAt(i));
      }
      return written.toString();
    }
  }

  @Provide
  Arbitrary<String> nationalMobiles() {
    return Combinators.combine(
            Arbitraries.integers().between(3, 9), Arbitraries.strings().numeric().ofLength(9))
        .as((second, rest) -> "1" + second + rest);
  }

  @Provide
  Arbitrary<String> landlines() {
    Arbitrary<String> area =
        Arbitraries.of(
            "10", "20", "21", "22", "23", "24", "25", "27", "28", "29", "311", "531", "755", "871");
    return Combinators.combine(area, Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(8))
        .as((code, number) -> "0" + code + number);
  }

  @Provide
  Arbitrary<Formatting> formatted() {
    Arbitrary<String> prefix =
        Arbitraries.of("", "+86", "+86 ", "0086", "00 86", "+86-", "+86 (0)", "86");
    Arbitrary<String> separator = Arbitraries.of("", "", "", " ", "-", ".", "  ", " - ", "\u00A0");
    return Combinators.combine(
            prefix, separator.list().ofMinSize(1).ofMaxSize(11), Arbitraries.of(false, true))
        .as(Formatting::new);
  }
}
