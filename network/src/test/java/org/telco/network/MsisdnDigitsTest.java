package org.telco.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A MSISDN is accepted exactly when it is 8 to 15 ASCII digits. */
class MsisdnDigitsTest {
  private static final Pattern DOCUMENTED = Pattern.compile("[0-9]{8,15}");
  private static final String ALPHABET = "0123456789+ a\u0663\uff11";

  @Test
  void acceptsExactlyEightToFifteenAsciiDigits() {
    SplittableRandom random = new SplittableRandom(42);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder digits = new StringBuilder();
      int length = random.nextInt(18);
      for (int i = 0; i < length; i++) {
        digits.append(
            random.nextInt(10) == 0
                ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                : ALPHABET.charAt(random.nextInt(10)));
      }
      String value = digits.toString();
      assertThat(accepted(value)).as(value).isEqualTo(DOCUMENTED.matcher(value).matches());
    }
  }

  private static boolean accepted(String value) {
    try {
      return MsisdnDigits.require(value, "msisdn").equals(value);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
