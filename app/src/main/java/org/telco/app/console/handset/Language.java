package org.telco.app.console.handset;

import io.helidon.http.HeaderNames;
import java.util.Locale;
import java.util.Optional;
import org.telco.app.console.PageCall;

/**
 * The language of a subscriber-facing page: Chinese or English. A {@code lang} query parameter or
 * form field wins (the switch on every page sets it, and every form carries it on), else the
 * browser's {@code Accept-Language} decides, else English.
 */
public enum Language {
  /** English. */
  EN(Locale.ENGLISH),
  /** Simplified Chinese. */
  ZH(Locale.SIMPLIFIED_CHINESE);

  private final Locale locale;

  Language(Locale locale) {
    this.locale = locale;
  }

  /** The locale the page's labels are read in. */
  public Locale locale() {
    return locale;
  }

  /** The value of the page's {@code lang} attribute and of the {@code lang} parameter. */
  public String tag() {
    return this == ZH ? "zh" : "en";
  }

  /** The language a request asks for. */
  public static Language of(PageCall call) {
    Optional<String> chosen = call.query("lang");
    if (chosen.isEmpty() && !call.field("lang").isEmpty()) {
      chosen = Optional.of(call.field("lang"));
    }
    if (chosen.isPresent()) {
      return chosen.get().trim().toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
    }
    return call.request()
        .headers()
        .first(HeaderNames.ACCEPT_LANGUAGE)
        .map(Language::preferred)
        .orElse(EN);
  }

  /** The first of Chinese and English in an {@code Accept-Language} list, by the list's order. */
  static Language preferred(String header) {
    for (String part : header.split(",")) {
      String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
      if (tag.startsWith("zh")) {
        return ZH;
      }
      if (tag.startsWith("en")) {
        return EN;
      }
    }
    return EN;
  }
}
