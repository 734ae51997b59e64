package org.telco.phone.contacts;

import ezvcard.VCard;
import ezvcard.io.ParseWarning;
import ezvcard.io.text.VCardReader;
import ezvcard.property.Categories;
import ezvcard.property.FormattedName;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the properties of checked cards with ez-vcard and turns each card into a {@link Contact}.
 *
 * <p>ez-vcard never fails on bad input; it reports warnings and carries on. Which of them stop the
 * book from being read:
 *
 * <ul>
 *   <li>every warning from its line parser (vinnie, ez-vcard code 27): a line it skipped, an
 *       unknown {@code VERSION}, an unknown {@code CHARSET}, a bad quoted-printable value;
 *   <li>every warning about the card rather than a property, such as a missing {@code VERSION};
 *   <li>every warning about a property the book reads or writes: {@code VERSION}, {@code FN},
 *       {@code N}, {@code TEL}, {@code CATEGORIES} and the colour property.
 * </ul>
 *
 * Any other warning (a birthday that is not a date, say) concerns a property the book neither reads
 * nor changes, so it is kept for the caller to log and the book is read.
 */
final class CardDecoder {
  /** The property that holds the groups, and so the marks. */
  static final String CATEGORIES = "CATEGORIES";

  private static final int LINE_PARSER_WARNING = 27;
  private static final Set<String> PROPERTIES_USED =
      Set.of("VERSION", "FN", "N", "TEL", CATEGORIES, ContactMark.COLOUR_PROPERTY);
  private static final Set<Character.UnicodeScript> FAMILY_NAME_FIRST =
      Set.of(
          Character.UnicodeScript.HAN,
          Character.UnicodeScript.HIRAGANA,
          Character.UnicodeScript.KATAKANA,
          Character.UnicodeScript.HANGUL);

  private final String source;
  private final List<String> warnings = new ArrayList<>();

  private CardDecoder(String source) {
    this.source = source;
  }

  /**
   * The cards read and the warnings that did not stop the reading.
   *
   * @param cards one per card of the file, in file order
   * @param warnings ez-vcard's warnings about properties the book does not use, with their lines
   */
  record Decoded(List<DecodedCard> cards, List<String> warnings) {}

  /** Reads {@code text}, whose structure the scanner found to be {@code cards}. */
  static Decoded decode(String source, String text, List<CardLines> cards)
      throws AddressBookException {
    CardDecoder decoder = new CardDecoder(source);
    List<DecodedCard> decoded = new ArrayList<>();
    try (VCardReader reader = new VCardReader(text)) {
      reader.setDefaultQuotedPrintableCharset(StandardCharsets.UTF_8);
      for (CardLines card : cards) {
        VCard vcard = Objects.requireNonNull(reader.readNext(), "ez-vcard read fewer cards");
        decoder.check(reader.getWarnings(), card);
        decoded.add(decoder.card(decoded.size(), vcard, card));
      }
      if (reader.readNext() != null) {
        throw new IllegalStateException("ez-vcard read more cards than the scanner found");
      }
    } catch (IOException impossible) {
      throw new UncheckedIOException("reading from a string", impossible);
    }
    return new Decoded(decoded, List.copyOf(decoder.warnings));
  }

  private void check(List<ParseWarning> parsed, CardLines card) throws AddressBookException {
    for (ParseWarning warning : parsed) {
      Integer reported = warning.getLineNumber();
      int line = reported == null ? card.beginLine() : card.propertyLineFrom(reported);
      String property = warning.getPropertyName();
      String problem = (property == null ? "" : property + ": ") + warning.getMessage();
      if (isFatal(warning)) {
        throw new AddressBookException(source, line, problem);
      }
      warnings.add(source + " line " + line + ": " + problem);
    }
  }

  private static boolean isFatal(ParseWarning warning) {
    String property = warning.getPropertyName();
    Integer code = warning.getCode();
    return property == null
        || (code != null && code == LINE_PARSER_WARNING)
        || PROPERTIES_USED.contains(property.toUpperCase(Locale.ROOT));
  }

  private DecodedCard card(int index, VCard vcard, CardLines lines) {
    List<List<String>> categories =
        vcard.getCategoriesList().stream().map(Categories::getValues).toList();
    Optional<ContactMark> mark =
        categories.stream()
            .flatMap(List::stream)
            .map(ContactMark::ofCategory)
            .flatMap(Optional::stream)
            .findFirst();
    Contact contact = new Contact(index, name(vcard), mobiles(vcard), mark);
    return new DecodedCard(lines, vcard.getVersion(), contact, categories);
  }

  private static List<MobileNumber> mobiles(VCard vcard) {
    Map<String, MobileNumber> byMsisdn = new LinkedHashMap<>();
    for (Telephone telephone : vcard.getTelephoneNumbers()) {
      String raw =
          telephone.getText() != null
              ? telephone.getText()
              : Objects.toString(telephone.getUri(), "");
      MobileNumber.recognise(raw, telephone.getParameters().getTypes())
          .ifPresent(mobile -> byMsisdn.putIfAbsent(mobile.msisdn(), mobile));
    }
    return List.copyOf(byMsisdn.values());
  }

  /** {@code FN}, else a name built from {@code N}, else {@link Contact#NO_NAME}. */
  private static String name(VCard vcard) {
    for (FormattedName formatted : vcard.getFormattedNames()) {
      if (formatted.getValue() != null && !formatted.getValue().isBlank()) {
        return formatted.getValue().strip();
      }
    }
    StructuredName structured = vcard.getStructuredName();
    String built = structured == null ? "" : built(structured);
    return built.isBlank() ? Contact.NO_NAME : built;
  }

  /**
   * A name from the parts of {@code N}: family name first and no spaces when it is written in
   * Chinese, Japanese or Korean script, as those names are written; otherwise prefixes, given,
   * additional names, family name and suffixes separated by spaces.
   */
  private static String built(StructuredName name) {
    String family = Objects.toString(name.getFamily(), "").strip();
    String given = Objects.toString(name.getGiven(), "").strip();
    boolean familyFirst =
        (family + given)
            .codePoints()
            .anyMatch(c -> FAMILY_NAME_FIRST.contains(Character.UnicodeScript.of(c)));
    if (familyFirst) {
      return family + given;
    }
    return Stream.of(
            name.getPrefixes().stream(),
            Stream.of(given),
            name.getAdditionalNames().stream(),
            Stream.of(family),
            name.getSuffixes().stream())
        .flatMap(part -> part)
        .filter(part -> part != null && !part.isBlank())
        .map(String::strip)
        .collect(Collectors.joining(" "));
  }
}
