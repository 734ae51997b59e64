package org.telco.phone.contacts;

/**
 * Where one property of a card sits in the file, and how its value is encoded, so that the book can
 * replace exactly its lines and write the new value the way the old one was written.
 *
 * @param firstLine the 1-based line the property starts on
 * @param lastLine the 1-based last line of the property, after unfolding its continuation lines
 * @param group the group before the name ({@code item1} in {@code item1.TEL}), or empty
 * @param name the property name in upper case, without the group
 * @param prefix the unfolded text before the value's colon: group, name and parameters as written
 * @param encoding the {@code ENCODING} parameter in upper case, or empty
 * @param charset the {@code CHARSET} parameter as written, or empty
 */
record PropertyLine(
    int firstLine,
    int lastLine,
    String group,
    String name,
    String prefix,
    String encoding,
    String charset) {
  /** The encoding of 2.1 values that spread over lines ending in {@code =}. */
  static final String QUOTED_PRINTABLE = "QUOTED-PRINTABLE";

  /** Whether the value is quoted-printable, and so is decoded before it is read. */
  boolean quotedPrintable() {
    return encoding.equals(QUOTED_PRINTABLE);
  }

  /** The name with its group, as the line starts. */
  String groupedName() {
    return group.isEmpty() ? name : group + "." + name;
  }
}
