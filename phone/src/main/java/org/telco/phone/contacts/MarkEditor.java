package org.telco.phone.contacts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The edits that write a mark into one card, touching only the agent's own lines.
 *
 * <p>The group goes into a {@code CATEGORIES} line: the first one that already holds an autopay
 * category, else the first one, keeping the user's values and their order (the new group takes the
 * old one's place, or goes last); any other autopay category on other lines is removed, and a line
 * left empty is removed. A card without {@code CATEGORIES} gets a new line. The colour replaces the
 * first colour line (further ones are removed) or is added. New lines go just before {@code
 * END:VCARD} and use the line break of the line before it, so a CRLF file stays CRLF.
 */
final class MarkEditor {
  private MarkEditor() {}

  /** The edits, in file order, that mark {@code card} with {@code mark}. */
  static List<Edit> edits(DecodedCard card, ContactMark mark, List<TextLine> file) {
    List<Edit> edits = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<PropertyLine> categoryLines = card.lines().named(CardDecoder.CATEGORIES);
    int target = target(card.categories());
    for (int i = 0; i < categoryLines.size(); i++) {
      PropertyLine line = categoryLines.get(i);
      List<String> values = card.categories().get(i);
      List<String> kept =
          values.stream().filter(value -> !ContactMark.isAutopayCategory(value)).toList();
      if (i == target) {
        List<String> rewritten =
            PropertyWriter.rewrite(line, withGroup(values, mark), card.version());
        edits.add(replace(line, rewritten, file));
      } else if (kept.size() < values.size()) {
        List<String> rewritten =
            kept.isEmpty() ? List.of() : PropertyWriter.rewrite(line, kept, card.version());
        edits.add(replace(line, rewritten, file));
      }
    }
    if (target < 0) {
      added.addAll(
          PropertyWriter.fresh(CardDecoder.CATEGORIES, List.of(mark.group()), card.version()));
    }
    List<String> colour = List.of(ContactMark.COLOUR_PROPERTY + ":" + mark.colour());
    List<PropertyLine> colourLines = card.lines().named(ContactMark.COLOUR_PROPERTY);
    for (int i = 0; i < colourLines.size(); i++) {
      edits.add(replace(colourLines.get(i), i == 0 ? colour : List.of(), file));
    }
    if (colourLines.isEmpty()) {
      added.addAll(colour);
    }
    if (!added.isEmpty()) {
      int end = card.lines().endLine();
      edits.add(new Edit(end, 0, withEnding(added, file.get(end - 2).ending())));
    }
    edits.sort(Comparator.comparingInt(Edit::firstLine));
    return edits;
  }

  /** The index of the line the group goes into, or -1 if the card has no such line. */
  private static int target(List<List<String>> categories) {
    for (int i = 0; i < categories.size(); i++) {
      if (categories.get(i).stream().anyMatch(ContactMark::isAutopayCategory)) {
        return i;
      }
    }
    return categories.isEmpty() ? -1 : 0;
  }

  /** {@code values} with the first autopay category replaced by the mark's group, or it added. */
  private static List<String> withGroup(List<String> values, ContactMark mark) {
    List<String> result = new ArrayList<>();
    boolean placed = false;
    for (String value : values) {
      if (!ContactMark.isAutopayCategory(value)) {
        result.add(value);
      } else if (!placed) {
        result.add(mark.group());
        placed = true;
      }
    }
    if (!placed) {
      result.add(mark.group());
    }
    return result;
  }

  private static Edit replace(PropertyLine line, List<String> contents, List<TextLine> file) {
    String ending = file.get(line.lastLine() - 1).ending();
    int count = line.lastLine() - line.firstLine() + 1;
    return new Edit(line.firstLine(), count, withEnding(contents, ending));
  }

  private static List<TextLine> withEnding(List<String> contents, String ending) {
    return contents.stream().map(content -> new TextLine(content, ending)).toList();
  }
}
