package org.telco.sms;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Several services on one short code, chosen by the first word of the text, case-insensitively
 * ({@code YE} for the balance, later {@code BIND} for device binding). An unknown keyword gets the
 * list of keywords back.
 */
public final class KeywordServices implements ShortCodeService {
  private final Map<String, ShortCodeService> byKeyword = new ConcurrentHashMap<>();

  /**
   * Answers messages starting with {@code keyword}.
   *
   * @throws IllegalArgumentException when the keyword is taken
   */
  public void register(String keyword, ShortCodeService service) {
    if (byKeyword.putIfAbsent(keyword.toUpperCase(Locale.ROOT), service) != null) {
      throw new IllegalArgumentException("keyword " + keyword + " is taken");
    }
  }

  @Override
  public List<String> answer(ShortMessage message) {
    String text = message.text().strip();
    int space = text.indexOf(' ');
    String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
    ShortCodeService service = byKeyword.get(keyword);
    if (service == null) {
      return List.of(
          "Unknown request. Send one of: "
              + String.join(", ", byKeyword.keySet().stream().sorted().toList()));
    }
    return service.answer(message);
  }
}
