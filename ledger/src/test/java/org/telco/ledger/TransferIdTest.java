package org.telco.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A transfer id is accepted exactly when it has the documented shape. */
class TransferIdTest {
  private static final Pattern DOCUMENTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final String ALPHABET = "azAZ09._:-/ +@\u00e9\u0663\n";

  @Test
  void acceptsExactlyTheDocumentedShape() {
    SplittableRandom random = new SplittableRandom(42);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder id = new StringBuilder();
      int length = random.nextInt(70);
      for (int i = 0; i < length; i++) {
        // Mostly allowed characters, so long valid ids come up too.
        id.append(
            random.nextInt(8) == 0
                ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                : ALPHABET.charAt(random.nextInt(9)));
      }
      String value = id.toString();
      assertThat(accepted(value)).as(value).isEqualTo(DOCUMENTED.matcher(value).matches());
    }
  }

  @Test
  void theLongestAndShortestIdsAreAcceptedAndOneMoreIsNot() {
    assertThat(accepted("a")).isTrue();
    assertThat(accepted("a".repeat(TransferId.LENGTH_MAX))).isTrue();
    assertThat(accepted("a".repeat(TransferId.LENGTH_MAX + 1))).isFalse();
    assertThat(accepted("")).isFalse();
    assertThatThrownBy(() -> new TransferId(null)).isInstanceOf(NullPointerException.class);
  }

  private static boolean accepted(String value) {
    try {
      new TransferId(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
