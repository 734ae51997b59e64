package org.telco.phone.contacts;

import ezvcard.VCardVersion;
import java.util.List;

/**
 * One card as read: where it sits in the file, its version, the contact it describes, and the
 * decoded values of each of its {@code CATEGORIES} lines, which marking rewrites.
 *
 * @param lines where the card and its properties sit
 * @param version the card's vCard version, which decides the syntax of lines written into it
 * @param contact the contact as the file has it
 * @param categories the values of each {@code CATEGORIES} line, in the order of {@code
 *     lines.named("CATEGORIES")}
 */
record DecodedCard(
    CardLines lines, VCardVersion version, Contact contact, List<List<String>> categories) {
  /** Copies the lists and requires one list of values per {@code CATEGORIES} line. */
  DecodedCard {
    categories = categories.stream().map(List::copyOf).toList();
    int categoryLines = lines.named(CardDecoder.CATEGORIES).size();
    if (categoryLines != categories.size()) {
      throw new IllegalStateException(
          "card on line "
              + lines.beginLine()
              + " has "
              + categoryLines
              + " CATEGORIES lines but "
              + categories.size()
              + " were decoded");
    }
  }
}
