package org.telco.phone.contacts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What the autopay agent concluded about a contact, written into the address book so that the user
 * sees it in any contacts app: a group (a {@code CATEGORIES} value) and a colour (the extension
 * property {@value #COLOUR_PROPERTY}).
 *
 * <p>Every group name starts with {@value #CATEGORY_PREFIX}; a category with that prefix belongs to
 * the agent and is replaced when the contact is marked again, while any other category is the
 * user's and is kept.
 */
public enum ContactMark {
  /** The line is open (it was, or it re-opened after the agent paid). Green. */
  NORMAL("Autopay: normal", "#2E7D32"),

  /** The subscriber suspended the line on purpose; paying would not re-open it. Grey. */
  VOLUNTARILY_SUSPENDED("Autopay: voluntarily suspended", "#757575"),

  /**
   * The status query answered UNKNOWN (not the operator's number, ported out or closed), so the
   * agent neither paid nor classified it. Amber.
   */
  UNKNOWN("Autopay: unknown", "#F9A825");

  /** The start of every group name the agent writes, and so of every category it owns. */
  public static final String CATEGORY_PREFIX = "Autopay:";

  /** The extension property that holds the colour, as {@code #RRGGBB}. */
  public static final String COLOUR_PROPERTY = "X-TELCO-COLOUR";

  private final String group;
  private final String colour;

  ContactMark(String group, String colour) {
    this.group = group;
    this.colour = colour;
  }

  /** The group name, written as a {@code CATEGORIES} value. */
  public String group() {
    return group;
  }

  /** The colour as {@code #RRGGBB}, written as the {@value #COLOUR_PROPERTY} value. */
  public String colour() {
    return colour;
  }

  /**
   * The mark whose group is {@code category}, ignoring case and surrounding blanks, so that a mark
   * written by an earlier run is recognised when the book is read again.
   */
  public static Optional<ContactMark> ofCategory(String category) {
    String wanted = category.strip();
    return Arrays.stream(values()).filter(mark -> mark.group.equalsIgnoreCase(wanted)).findFirst();
  }

  /**
   * Whether {@code category} belongs to the agent (it starts with {@value #CATEGORY_PREFIX},
   * ignoring case and leading blanks), and so is to be replaced rather than kept.
   */
  public static boolean isAutopayCategory(String category) {
    return category
        .strip()
        .toLowerCase(Locale.ROOT)
        .startsWith(CATEGORY_PREFIX.toLowerCase(Locale.ROOT));
  }
}
