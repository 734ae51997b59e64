package org.telco.phone.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ContactMarkTest {
  @Test
  void everyGroupIsAnAutopayCategoryAndEveryColourIsRgb() {
    for (ContactMark mark : ContactMark.values()) {
      assertThat(ContactMark.isAutopayCategory(mark.group())).isTrue();
      assertThat(ContactMark.ofCategory(mark.group())).contains(mark);
      assertThat(mark.colour()).matches("#[0-9A-F]{6}");
    }
    assertThat(Arrays.stream(ContactMark.values()).map(ContactMark::colour))
        .doesNotHaveDuplicates();
  }

  @Test
  void groupsAreRecognisedWhateverTheirCaseAndBlanks() {
    assertThat(ContactMark.ofCategory(" autopay: NORMAL ")).contains(ContactMark.NORMAL);
    assertThat(ContactMark.ofCategory("Autopay: something new")).isEmpty();
    assertThat(ContactMark.isAutopayCategory("AUTOPAY: something new")).isTrue();
  }

  @Test
  void theUsersOwnCategoriesAreNotOurs() {
    assertThat(ContactMark.isAutopayCategory("Friends")).isFalse();
    assertThat(ContactMark.isAutopayCategory("Autopayments")).isFalse();
    assertThat(ContactMark.isAutopayCategory("My autopay: list")).isFalse();
    assertThat(ContactMark.ofCategory("Friends")).isEmpty();
  }
}
