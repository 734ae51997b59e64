package org.telco.phone.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {
  private static final String MSISDN = "8613800000001";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "13800000001",
        "138 0000 0001",
        "138-0000-0001",
        "138.0000.0001",
        "(138) 0000 0001",
        "+86 138 0000 0001",
        "+86-138-0000-0001",
        "+86 (0) 138 0000 0001",
        "0086 138 0000 0001",
        "8613800000001",
        "013800000001",
        " 138\u00A00000\u00A00001 ",
        "tel:+86-138-0000-0001",
        "TEL:+8613800000001",
        "tel:13800000001;phone-context=+86",
        "＋８６ １３８ ００００ ０００１",
        "١٣٨٠٠٠٠٠٠٠١",
        "138–0000–0001"
      })
  void everyWayOfWritingAChineseMobileHasTheSameInternationalForm(String written) {
    assertThat(MobileNumber.internationalForm(written)).contains(MSISDN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "+",
        "00",
        "10086",
        "12345",
        "62345678",
        "+12",
        "+1234567890123456",
        "138 0000 0001 ext. 5",
        "138*0000#0001",
        "mobile",
        "tel:",
        "+86+13800000001"
      })
  void shortLocalOrGarbledNumbersHaveNoInternationalForm(String written) {
    assertThat(MobileNumber.internationalForm(written)).isEmpty();
  }

  @Test
  void landlinesAndForeignNumbersKeepTheirCountry() {
    assertThat(MobileNumber.internationalForm("010-6234 5678")).contains("861062345678");
    assertThat(MobileNumber.internationalForm("+86 10 6234 5678")).contains("861062345678");
    assertThat(MobileNumber.internationalForm("+44 7700 900123")).contains("447700900123");
    assertThat(MobileNumber.internationalForm("001 (415) 555-0100")).contains("14155550100");
  }

  @Test
  void cellTypeInAnyCaseOrListMakesANumberAMobile() {
    for (List<String> types :
        List.of(
            List.of("CELL"),
            List.of("cell"),
            List.of("Cell"),
            List.of("cell,voice"),
            List.of("VOICE", "CELL"),
            List.of("work", "cell"))) {
      assertThat(MobileNumber.recognise("+44 7700 900123", types))
          .as("%s", types)
          .contains(new MobileNumber("+44 7700 900123", "447700900123"));
    }
  }

  @Test
  void withoutAKindOfLineOnlyAChineseMobileCounts() {
    assertThat(MobileNumber.recognise("138 0000 0001", List.of()))
        .map(MobileNumber::msisdn)
        .contains(MSISDN);
    assertThat(MobileNumber.recognise("138 0000 0001", List.of("PREF"))).isPresent();
    assertThat(MobileNumber.recognise("138 0000 0001", List.of("voice"))).isPresent();
    assertThat(MobileNumber.recognise("+44 7700 900123", List.of())).isEmpty();
    assertThat(MobileNumber.recognise("010-6234 5678", List.of())).isEmpty();
  }

  @Test
  void otherKindsOfLineAreLeftOutEvenWithAMobileNumber() {
    for (String type : List.of("HOME", "WORK", "FAX", "PAGER", "X-CUSTOM", "home,voice")) {
      assertThat(MobileNumber.recognise("138 0000 0001", List.of(type))).as(type).isEmpty();
    }
  }

  @Test
  void aChineseNumberTypedCellMustStillLookLikeAMobile() {
    assertThat(MobileNumber.recognise("010-6234 5678", List.of("CELL"))).isEmpty();
    assertThat(MobileNumber.recognise("10086", List.of("CELL"))).isEmpty();
    assertThat(MobileNumber.recognise("12345678901", List.of("CELL"))).isEmpty();
  }

  @Test
  void chineseMobilesStartWith13To19() {
    assertThat(MobileNumber.isChineseMobile("8613800000001")).isTrue();
    assertThat(MobileNumber.isChineseMobile("8619900000001")).isTrue();
    assertThat(MobileNumber.isChineseMobile("8612800000001")).isFalse();
    assertThat(MobileNumber.isChineseMobile("861380000000")).isFalse();
    assertThat(MobileNumber.isChineseMobile("447700900123")).isFalse();
  }

  @Test
  void msisdnMustBeEightToFifteenDigits() {
    assertThatThrownBy(() -> new MobileNumber("x", "+8613800000001"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MobileNumber("x", "1234567"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new MobileNumber("x", "12345678").msisdn()).isEqualTo("12345678");
    assertThat(Optional.of(new MobileNumber("x", MSISDN))).isPresent();
  }
}
