package org.telco.phone.contacts;

import java.util.List;

/**
 * A change to the file: {@code lineCount} physical lines from {@code firstLine} are replaced by
 * {@code lines} (a count of 0 inserts before {@code firstLine}; no lines removes).
 *
 * @param firstLine the 1-based first line replaced, or the line inserted before
 * @param lineCount how many lines are replaced
 * @param lines the new lines, each with its line break
 */
record Edit(int firstLine, int lineCount, List<TextLine> lines) {
  /** Copies the list. */
  Edit {
    lines = List.copyOf(lines);
  }
}
