package org.telco.phone.contacts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One card of the address book, reduced to what the autopay agent needs.
 *
 * @param index the card's position in the file, from 0; it is how {@link AddressBook#mark} finds
 *     the card again
 * @param name the formatted name ({@code FN}), else one built from {@code N}, else {@code "(no
 *     name)"}; never blank
 * @param mobiles the card's mobile numbers in file order, each MSISDN once; empty if it has none
 * @param mark the agent's mark, as read from the file or as last set with {@link AddressBook#mark}
 */
public record Contact(
    int index, String name, List<MobileNumber> mobiles, Optional<ContactMark> mark) {
  /** The name used when a card has neither a usable {@code FN} nor {@code N}. */
  public static final String NO_NAME = "(no name)";

  /** Requires a non-negative index, a name and distinct mobiles; copies the list. */
  public Contact {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative: " + index);
    }
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    mobiles = List.copyOf(mobiles);
    Objects.requireNonNull(mark, "mark");
    long distinct = mobiles.stream().map(MobileNumber::msisdn).distinct().count();
    if (distinct != mobiles.size()) {
      throw new IllegalArgumentException("each MSISDN may appear once: " + mobiles);
    }
  }

  /** This contact with {@code newMark}, as the book shows it after {@link AddressBook#mark}. */
  Contact withMark(ContactMark newMark) {
    return new Contact(index, name, mobiles, Optional.of(newMark));
  }

  /** Whether {@code other} is this card, whatever either's mark says. */
  boolean sameCardAs(Contact other) {
    return index == other.index && name.equals(other.name) && mobiles.equals(other.mobiles);
  }
}
