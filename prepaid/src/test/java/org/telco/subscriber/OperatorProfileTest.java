package org.telco.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorProfileTest {
  private static OperatorProfile operator(List<String> ranges, List<String> shortCodes) {
    return new OperatorProfile(
        new OperatorId("delta"),
        "Delta",
        "460",
        "07",
        ZoneOffset.UTC,
        ranges.stream().map(NumberRange::new).toList(),
        shortCodes);
  }

  @Test
  void rangeHoldsExactlyTheNumbersStartingWithItsPrefix() {
    NumberRange range = new NumberRange("86138");

    assertThat(range.contains(new Msisdn("8613800000001"))).isTrue();
    assertThat(range.contains(new Msisdn("8613900000001"))).isFalse();
    assertThat(range.contains(new Msisdn("4486138000001"))).isFalse();
  }

  @Test
  void rangesOverlapWhenOnePrefixStartsTheOther() {
    assertThat(new NumberRange("86138").overlaps(new NumberRange("861380"))).isTrue();
    assertThat(new NumberRange("861380").overlaps(new NumberRange("86138"))).isTrue();
    assertThat(new NumberRange("86138").overlaps(new NumberRange("86139"))).isFalse();
  }

  @Test
  void rangePrefixMustBeOneToFourteenDigits() {
    assertThatThrownBy(() -> new NumberRange("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NumberRange("861a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NumberRange("123456789012345"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new NumberRange("12345678901234").prefix()).hasSize(14);
  }

  @Test
  void operatorOwnsTheNumbersOfItsRanges() {
    OperatorProfile delta = operator(List.of("86147", "86150"), List.of("10050"));

    assertThat(delta.owns(new Msisdn("8614700000001"))).isTrue();
    assertThat(delta.owns(new Msisdn("8615000000001"))).isTrue();
    assertThat(delta.owns(new Msisdn("8613800000001"))).isFalse();
    assertThat(delta.serviceShortCode()).isEqualTo("10050");
    assertThat(delta.plmnId()).isEqualTo("46007");
  }

  @Test
  void operatorNeedsValidCodesRangesAndShortCodes() {
    assertThatThrownBy(() -> operator(List.of(), List.of("10050"))).hasMessageContaining("range");
    assertThatThrownBy(() -> operator(List.of("86147", "861470"), List.of("10050")))
        .hasMessageContaining("overlap");
    assertThatThrownBy(() -> operator(List.of("86147"), List.of()))
        .hasMessageContaining("short code");
    assertThatThrownBy(() -> operator(List.of("86147"), List.of("10050", "10050")))
        .hasMessageContaining("distinct");
    assertThatThrownBy(() -> operator(List.of("86147"), List.of("12")))
        .hasMessageContaining("3-8 digits");
    assertThatThrownBy(
            () ->
                new OperatorProfile(
                    new OperatorId("delta"),
                    "Delta",
                    "46",
                    "07",
                    ZoneOffset.UTC,
                    List.of(new NumberRange("86147")),
                    List.of("10050")))
        .hasMessageContaining("mcc");
    assertThatThrownBy(
            () ->
                new OperatorProfile(
                    new OperatorId("delta"),
                    "Delta",
                    "460",
                    "7",
                    ZoneOffset.UTC,
                    List.of(new NumberRange("86147")),
                    List.of("10050")))
        .hasMessageContaining("mnc");
  }

  @Test
  void operatorIdsAreLowerCaseNames() {
    assertThat(new OperatorId("alpha-2").value()).isEqualTo("alpha-2");
    assertThatThrownBy(() -> new OperatorId("Alpha")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OperatorId("2alpha")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OperatorId("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void allInOneOperatorsOwnTheDemoRanges() {
    OperatorProfiles profiles = OperatorProfiles.allInOne();

    assertThat(profiles.operators())
        .extracting(o -> o.id().value())
        .containsExactly("alpha", "beta", "gamma");
    assertThat(profiles.owner(new Msisdn("8613800000001")).orElseThrow().id().value())
        .isEqualTo("alpha");
    assertThat(profiles.owner(new Msisdn("8618600000001")).orElseThrow().id().value())
        .isEqualTo("beta");
    assertThat(profiles.owner(new Msisdn("8618900000001")).orElseThrow().id().value())
        .isEqualTo("gamma");
    assertThat(profiles.owner(new Msisdn("8613900000001"))).isEmpty();
    assertThat(profiles.find(new OperatorId("beta")).orElseThrow().mnc()).isEqualTo("01");
    assertThat(profiles.operators())
        .extracting(OperatorProfile::serviceShortCode)
        .doesNotHaveDuplicates();
  }

  @Test
  void operatorsOfOnePlatformShareNoIdRangeOrShortCode() {
    OperatorProfile delta = operator(List.of("86147"), List.of("10050"));
    OperatorProfile clashingRange =
        new OperatorProfile(
            new OperatorId("epsilon"),
            "Epsilon",
            "460",
            "08",
            ZoneOffset.UTC,
            List.of(new NumberRange("861470")),
            List.of("10060"));
    OperatorProfile clashingCode =
        new OperatorProfile(
            new OperatorId("epsilon"),
            "Epsilon",
            "460",
            "08",
            ZoneOffset.UTC,
            List.of(new NumberRange("86148")),
            List.of("10050"));

    assertThatThrownBy(() -> new OperatorProfiles(List.of(delta, delta)))
        .hasMessageContaining("two operators");
    assertThatThrownBy(() -> new OperatorProfiles(List.of(delta, clashingRange)))
        .hasMessageContaining("share numbers");
    assertThatThrownBy(() -> new OperatorProfiles(List.of(delta, clashingCode)))
        .hasMessageContaining("share short code");
  }
}
