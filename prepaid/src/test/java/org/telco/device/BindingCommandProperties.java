package org.telco.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link BindingCommand#parse} over any text, and over every spelling of a valid command. */
class BindingCommandProperties {
  @Property
  void parsingNeverThrows(@ForAll String text) {
    assertThat(BindingCommand.parse(text)).isNotNull();
  }

  @Property
  void aCommandWithAnyValidIdInAnyCaseAndSpacingRoundTrips(
      @ForAll("ids") String id,
      @ForAll boolean unbind,
      @ForAll("caseMasks") long caseMask,
      @ForAll("blanks") List<String> blanks) {
    String keyword = randomCase(unbind ? "UNBIND" : "BIND", caseMask);
    String typedId = randomCase(id, caseMask >>> 6);
    String text = blanks.get(0) + keyword + blanks.get(1) + " " + typedId + blanks.get(2);

    DeviceId expected = new DeviceId(id);
    assertThat(BindingCommand.parse(text))
        .isEqualTo(
            unbind ? new BindingCommand.Unbind(expected) : new BindingCommand.Bind(expected));
  }

  @Provide
  Arbitrary<String> ids() {
    Arbitrary<Character> first = Arbitraries.chars().range('A', 'Z').range('0', '9');
    Arbitrary<String> rest =
        Arbitraries.strings()
            .withCharRange('A', 'Z')
            .withCharRange('0', '9')
            .withChars('-')
            .ofMinLength(3)
            .ofMaxLength(31);
    return Combinators.combine(first, rest).as((c, s) -> c + s);
  }

  @Provide
  Arbitrary<Long> caseMasks() {
    return Arbitraries.longs();
  }

  @Provide
  Arbitrary<List<String>> blanks() {
    return Arbitraries.of("", " ", "  ", "\t", "\n", "\u3000", "\u00a0", " \r\n ").list().ofSize(3);
  }

  private static String randomCase(String text, long mask) {
    StringBuilder result = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lower = ((mask >>> (i % 64)) & 1) == 1;
      result.append(lower ? Character.toLowerCase(c) : c);
    }
    return result.toString();
  }
}
