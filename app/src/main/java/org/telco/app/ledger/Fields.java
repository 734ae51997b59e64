package org.telco.app.ledger;

import java.util.Arrays;
import org.telco.ledger.TransferId;
import org.telco.web.Problem;

/** Field checks shared by the ledger's JSON decoders, each naming the field it rejects. */
final class Fields {
  private Fields() {}

  static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String field) {
    if (raw == null) {
      throw Problem.invalidField(field, field + " is required").toException();
    }
    try {
      return Enum.valueOf(type, raw);
    } catch (IllegalArgumentException e) {
      throw Problem.invalidField(
              field, field + " must be one of " + Arrays.toString(type.getEnumConstants()))
          .toException();
    }
  }

  static TransferId transferId(String raw, String field, boolean required) {
    if (raw == null) {
      if (required) {
        throw Problem.invalidField(field, field + " is required").toException();
      }
      return null;
    }
    try {
      return new TransferId(raw);
    } catch (IllegalArgumentException e) {
      throw Problem.invalidField(field, e.getMessage()).toException();
    }
  }
}
