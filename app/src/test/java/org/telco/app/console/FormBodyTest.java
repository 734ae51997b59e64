package org.telco.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormBodyTest {
  @Test
  void fieldsAreDecodedAndTheFirstOfTwinsWins() {
    byte[] body = "user=care&password=a%26b+c&user=admin&flag".getBytes(StandardCharsets.UTF_8);

    assertThat(FormBody.parse(body))
        .containsEntry("user", "care")
        .containsEntry("password", "a&b c")
        .containsEntry("flag", "");
  }

  @Test
  void oversizedBodyIsRefusedBeforeDecoding() {
    assertThatThrownBy(() -> FormBody.parse(new byte[FormBody.BYTES_MAX + 1]))
        .isInstanceOf(FormBody.Unreadable.class);
    assertThatThrownBy(() -> FormBody.parse("a=%zz".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(FormBody.Unreadable.class);
  }
}
