package org.telco.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Plan and operator ids are accepted exactly when they have their documented shapes. */
class NameShapesTest {
  private static final String ALPHABET = "az09-A_. \u00e9";

  @Test
  void aPlanIdIsOneToThirtyTwoOfLowerCaseDigitsAndHyphensNotStartingWithAHyphen() {
    agreesWith(Pattern.compile("[a-z0-9][a-z0-9-]{0,31}"), PlanId::new);
  }

  @Test
  void anOperatorIdIsOneToThirtyTwoOfLowerCaseDigitsAndHyphensStartingWithALetter() {
    agreesWith(Pattern.compile("[a-z][a-z0-9-]{0,31}"), OperatorId::new);
  }

  private static void agreesWith(Pattern documented, Consumer<String> construct) {
    SplittableRandom random = new SplittableRandom(42);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder id = new StringBuilder();
      int length = random.nextInt(36);
      for (int i = 0; i < length; i++) {
        id.append(
            random.nextInt(8) == 0
                ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                : ALPHABET.charAt(random.nextInt(5)));
      }
      String value = id.toString();
      boolean accepted;
      try {
        construct.accept(value);
        accepted = true;
      } catch (IllegalArgumentException e) {
        accepted = false;
      }
      assertThat(accepted).as(value).isEqualTo(documented.matcher(value).matches());
    }
  }
}
