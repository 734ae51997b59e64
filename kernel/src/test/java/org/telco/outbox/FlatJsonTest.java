package org.telco.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlatJsonTest {
  @Test
  void writesFieldsInOrderEscapingOnlyWhatJsonRequires() {
    SequencedMap<String, String> fields = new LinkedHashMap<>();
    fields.put("type", "bar");
    fields.put("reason", "say \"no\" \\ 欠费\n");

    assertThat(FlatJson.write(fields))
        .isEqualTo("{\"type\":\"bar\",\"reason\":\"say \\\"no\\\" \\\\ 欠费\\u000a\"}");
  }

  @Test
  void readsBackWhatItWrote() {
    SequencedMap<String, String> fields = new LinkedHashMap<>();
    fields.put("b", "tab\there, quote \", slash \\, bell \u0007, emoji \uD83D\uDCF1");
    fields.put("a", "");

    assertThat(FlatJson.read(FlatJson.write(fields))).containsExactlyEntriesOf(fields);
  }

  @Test
  void readsAnyValidEscapeAndWhitespace() {
    assertThat(FlatJson.read(" { \"k\" : \"\\/\\b\\f\\r\\u00e9\" , \"e\":\"\" } "))
        .containsExactly(Map.entry("k", "/\b\f\ré"), Map.entry("e", ""));
    assertThat(FlatJson.read("{}")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "{\"n\":1}",
        "{\"n\":null}",
        "{\"a\":\"x\",\"a\":\"y\"}",
        "{\"a\":\"x\"} trailing",
        "{\"a\":\"x\"",
        "{\"a\" \"x\"}",
        "{\"a\":\"\\q\"}",
        "{\"a\":\"\\u12\"}",
        "{\"a\":\"\\u12zz\"}",
        "{\"a\":\"raw\nnewline\"}",
        "{\"a\":\"x\";\"b\":\"y\"}"
      })
  void rejectsAnythingButAFlatObjectOfStrings(String text) {
    assertThatThrownBy(() -> FlatJson.read(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
