package org.telco.app.console.handset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.telco.app.console.NodeApi;

/**
 * The messages shown beside a page's fields, one per field, "" for a field without one. Every field
 * a page's templates ask about is present, because the templates are strict about missing names.
 */
final class FieldErrors {
  /** Every field of the handset simulator's forms. */
  static final List<String> FIELDS =
      List.of(
          "msisdn",
          "to",
          "text",
          "productId",
          "cardId",
          "vcard",
          "presetFen",
          "amountFen",
          "deviceId",
          "dataSim",
          "bucketId");

  private final Map<String, String> messages = new LinkedHashMap<>();
  private final Language language;

  FieldErrors(Language language) {
    this.language = language;
    FIELDS.forEach(field -> messages.put(field, ""));
  }

  /** Puts the label {@code key} beside {@code field}. */
  FieldErrors reject(String field, String key) {
    messages.put(field, Labels.of(language, key));
    return this;
  }

  /** Puts the label {@code key} and then {@code detail} beside {@code field}. */
  FieldErrors reject(String field, String key, String detail) {
    messages.put(field, Labels.of(language, key) + " " + detail);
    return this;
  }

  /**
   * Puts the API's refusal beside the field it names, or beside {@code fallback} when it names none
   * of this form's fields.
   */
  FieldErrors refused(NodeApi.Answer answer, List<String> formFields) {
    String field = formFields.contains(answer.field()) ? answer.field() : formFields.getFirst();
    messages.put(field, Labels.of(language, "handset.error.refused") + " " + answer.detail());
    return this;
  }

  boolean any() {
    return messages.values().stream().anyMatch(message -> !message.isEmpty());
  }

  Map<String, String> asMap() {
    return Map.copyOf(messages);
  }
}
