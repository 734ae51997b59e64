package org.telco.app.nchf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The one-pass date-time check against the definition it replaced: the RFC 3339 shape as a regular
 * expression, then {@link OffsetDateTime#parse}. Both must agree on every string, edge cases and
 * random near-misses alike, and on the instant every accepted string names.
 */
class Rfc3339Test {
  private static final Pattern SHAPE =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");

  private static boolean byDefinition(String text) {
    if (!SHAPE.matcher(text).matches()) {
      return false;
    }
    try {
      OffsetDateTime.parse(text.toUpperCase(Locale.ROOT));
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static Instant byParse(String text) {
    return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant();
  }

  @Test
  void agreesWithTheDefinitionOnEdgeCases() {
    List<String> cases =
        List.of(
            "2024-05-01T08:00:00Z",
            "2024-05-01t08:00:00z",
            "2024-02-29T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2000-02-29T00:00:00Z",
            "0000-02-29T00:00:00Z",
            "9999-12-31T23:59:59.999999999+18:00",
            "2024-12-31T23:59:59.9999999999Z",
            "2024-04-31T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-00-01T00:00:00Z",
            "2024-01-00T00:00:00Z",
            "2024-01-01T24:00:00Z",
            "2024-01-01T00:60:00Z",
            "2024-01-01T00:00:60Z",
            "2024-01-01T00:00:00.Z",
            "2024-01-01T00:00:00.5+08:00",
            "2024-01-01T00:00:00-18:00",
            "2024-01-01T00:00:00+18:01",
            "2024-01-01T00:00:00+19:00",
            "2024-01-01T00:00:00+08:60",
            "2024-01-01T00:00:00-00:00",
            "2024-01-01T00:00:00+0800",
            "2024-01-01T00:00:00",
            "2024-01-01 00:00:00Z",
            "2024-1-01T00:00:00Z",
            "+2024-01-01T00:00:00Z",
            "２０２４-01-01T00:00:00Z",
            "");
    for (String text : cases) {
      assertThat(Rfc3339.isDateTime(text)).as(text).isEqualTo(byDefinition(text));
      if (byDefinition(text)) {
        assertThat(Rfc3339.instant(text)).as(text).isEqualTo(byParse(text));
      } else {
        assertThatThrownBy(() -> Rfc3339.instant(text))
            .isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  @Test
  void agreesWithTheDefinitionOnRandomNearMisses() {
    SplittableRandom random = new SplittableRandom(3339);
    String alphabet = "0123456789-+:.TtZz 9";
    List<String> disagreements = new ArrayList<>();
    int accepted = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder text =
          new StringBuilder(
              "%04d-%02d-%02dT%02d:%02d:%02d"
                  .formatted(
                      random.nextInt(10_000),
                      random.nextInt(14),
                      random.nextInt(33),
                      random.nextInt(26),
                      random.nextInt(62),
                      random.nextInt(62)));
      if (random.nextBoolean()) {
        text.append('.').append("123456789012".substring(0, random.nextInt(12)));
      }
      switch (random.nextInt(3)) {
        case 0 -> text.append(random.nextBoolean() ? 'Z' : 'z');
        case 1 ->
            text.append(random.nextBoolean() ? '+' : '-')
                .append("%02d:%02d".formatted(random.nextInt(20), random.nextInt(62)));
        default -> {}
      }
      for (int flips = random.nextInt(3); flips > 0 && !text.isEmpty(); flips--) {
        text.setCharAt(
            random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String candidate = text.toString();
      boolean expected = byDefinition(candidate);
      accepted += expected ? 1 : 0;
      if (Rfc3339.isDateTime(candidate) != expected) {
        disagreements.add(candidate);
      } else if (expected && !Rfc3339.instant(candidate).equals(byParse(candidate))) {
        disagreements.add(candidate + " names " + Rfc3339.instant(candidate));
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(accepted).as("valid strings among the samples").isBetween(10_000, 190_000);
  }
}
