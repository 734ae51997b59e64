package org.telco.phone.contacts;

import java.util.List;

/**
 * Where one card sits in the file: its {@code BEGIN:VCARD} and {@code END:VCARD} lines and the
 * properties between them in file order.
 *
 * @param beginLine the 1-based line of {@code BEGIN:VCARD}
 * @param endLine the 1-based line of {@code END:VCARD}
 * @param properties every property of the card, {@code VERSION} included
 */
record CardLines(int beginLine, int endLine, List<PropertyLine> properties) {
  /** Copies the list. */
  CardLines {
    properties = List.copyOf(properties);
  }

  /** The card's properties called {@code name} (upper case, no group), in file order. */
  List<PropertyLine> named(String name) {
    return properties.stream().filter(property -> property.name().equals(name)).toList();
  }

  /**
   * The line of the property a parser reported at {@code reportedLine}: the first property that
   * starts there or later, since a parser may count from the blank lines before a property.
   */
  int propertyLineFrom(int reportedLine) {
    return properties.stream()
        .mapToInt(PropertyLine::firstLine)
        .filter(line -> line >= reportedLine)
        .findFirst()
        .orElse(endLine);
  }
}
