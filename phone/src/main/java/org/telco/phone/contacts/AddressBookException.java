package org.telco.phone.contacts;

/**
 * An address book that cannot be read safely: the file is broken at a known line.
 *
 * <p>It is checked, and nothing of the file is returned with it, so that a caller who pays the
 * contacts of a book pays nobody when the book is broken rather than paying a misread number.
 */
public final class AddressBookException extends Exception {
  private final String source;
  private final int lineNumber;
  private final String problem;

  /**
   * Describes a broken file.
   *
   * @param source the file's name, as given to the reader
   * @param lineNumber the 1-based line where the problem is
   * @param problem what is wrong there, as a phrase
   */
  public AddressBookException(String source, int lineNumber, String problem) {
    super(source + " line " + lineNumber + ": " + problem);
    this.source = source;
    this.lineNumber = lineNumber;
    this.problem = problem;
  }

  /** The file's name, as given to the reader, so that a log line says which book failed. */
  public String source() {
    return source;
  }

  /** The 1-based line of the problem, so that the user can find it in an editor. */
  public int lineNumber() {
    return lineNumber;
  }

  /** What is wrong at that line, without the source and line number. */
  public String problem() {
    return problem;
  }
}
