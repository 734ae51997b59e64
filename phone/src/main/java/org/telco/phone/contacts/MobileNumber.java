package org.telco.phone.contacts;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A mobile number of a contact: the {@code TEL} value as the file has it, and the same number in
 * international form without {@code +} ({@code 8613800000001}), the form the network and the
 * payment side use.
 *
 * <p>The phone's home country is China (+86): an 11-digit number starting with 1 is a Chinese
 * mobile written nationally, and a number in China must look like a Chinese mobile to count,
 * whatever its {@code TYPE} says, because that is the one country whose numbering plan this library
 * knows. See {@link #recognise} for the rule and {@code docs/phone.md}.
 *
 * @param raw the {@code TEL} value as written (for a vCard 4.0 URI, the URI), for display and logs
 * @param msisdn 8 to 15 digits, country code first
 */
public record MobileNumber(String raw, String msisdn) {
  /** The country code of the phone's home country, which national numbers are taken to be in. */
  public static final String HOME_COUNTRY_CODE = "86";

  private static final Pattern MSISDN = Pattern.compile("[0-9]{8,15}");
  private static final Pattern CHINESE_MOBILE = Pattern.compile("861[3-9][0-9]{9}");
  private static final Pattern NATIONAL_MOBILE = Pattern.compile("1[0-9]{10}");
  private static final Pattern DIALLED = Pattern.compile("\\+?[0-9]+");

  /** {@code TYPE} values that say nothing about what kind of line a number is. */
  private static final Set<String> NEUTRAL_TYPES = Set.of("pref", "voice");

  /** Requires both parts; the MSISDN must be 8 to 15 digits. */
  public MobileNumber {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(msisdn, "msisdn");
    if (!MSISDN.matcher(msisdn).matches()) {
      throw new IllegalArgumentException("msisdn must be 8 to 15 digits: " + msisdn);
    }
  }

  /**
   * The mobile number on a {@code TEL} with value {@code raw} and {@code TYPE} values {@code
   * types}, if it is one.
   *
   * <p>A {@code TEL} counts when one of its types is {@code CELL} (in any case; a value may hold
   * several types separated by commas), or when it has no type that says what kind of line it is
   * ({@code PREF} and {@code VOICE} say nothing) and the number is a Chinese mobile. Either way the
   * number must have an {@link #internationalForm}, and a Chinese number must be a mobile, so that
   * landlines, short codes and unparseable text are left out.
   */
  public static Optional<MobileNumber> recognise(String raw, Collection<String> types) {
    Set<String> kinds =
        types.stream()
            .flatMap(type -> Pattern.compile(",").splitAsStream(type))
            .map(type -> type.strip().toLowerCase(Locale.ROOT))
            .filter(type -> !type.isEmpty())
            .collect(Collectors.toSet());
    boolean cell = kinds.contains("cell");
    boolean untyped = NEUTRAL_TYPES.containsAll(kinds);
    Optional<String> msisdn = internationalForm(raw);
    if (msisdn.isEmpty() || !(cell || untyped)) {
      return Optional.empty();
    }
    boolean home = msisdn.get().startsWith(HOME_COUNTRY_CODE);
    boolean mobile = home ? isChineseMobile(msisdn.get()) : cell;
    return mobile ? Optional.of(new MobileNumber(raw, msisdn.get())) : Optional.empty();
  }

  /**
   * {@code written} in international form without {@code +}, if it is a dialable number whose
   * country is known.
   *
   * <p>Spaces, dashes, dots and parentheses are dropped (and a {@code (0)} after the country code),
   * full-width digits count as digits, and a {@code tel:} URI counts as its number. Then {@code
   * +CC…} and {@code 00CC…} are international; an 11-digit number starting with 1 is a Chinese
   * mobile; a number starting with a single 0 is a Chinese number with its trunk prefix. Anything
   * else (a short code such as 10086, a local number without area code, letters) has no
   * international form.
   */
  public static Optional<String> internationalForm(String written) {
    String dialled = dialled(written);
    if (!DIALLED.matcher(dialled).matches()) {
      return Optional.empty();
    }
    String international;
    if (dialled.startsWith("+")) {
      international = dialled.substring(1);
    } else if (dialled.startsWith("00")) {
      international = dialled.substring(2);
    } else if (NATIONAL_MOBILE.matcher(dialled).matches()) {
      international = HOME_COUNTRY_CODE + dialled;
    } else if (isChineseMobile(dialled)) {
      international = dialled;
    } else if (dialled.startsWith("0")) {
      international = HOME_COUNTRY_CODE + dialled.substring(1);
    } else {
      return Optional.empty();
    }
    return MSISDN.matcher(international).matches() && !international.startsWith("0")
        ? Optional.of(international)
        : Optional.empty();
  }

  /** Whether {@code msisdn} is a Chinese mobile: 86, then 1, then 3 to 9, then 9 digits. */
  public static boolean isChineseMobile(String msisdn) {
    return CHINESE_MOBILE.matcher(msisdn).matches();
  }

  /** The characters of {@code written} a caller would dial: digits and a leading plus. */
  private static String dialled(String written) {
    String text = written.strip();
    if (text.regionMatches(true, 0, "tel:", 0, 4)) {
      int parameters = text.indexOf(';');
      text = text.substring(4, parameters < 0 ? text.length() : parameters);
    }
    text = text.replace("(0)", "").replace("（0）", "");
    StringBuilder dialled = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isDigit(c)) {
        dialled.append((char) ('0' + Character.digit(c, 10)));
      } else if (c == '+' || c == '＋') {
        dialled.append('+');
      } else if (!isSeparator(c)) {
        dialled.append(c);
      }
    }
    return dialled.toString();
  }

  private static boolean isSeparator(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || Character.getType(c) == Character.DASH_PUNCTUATION
        || ".()（）．".indexOf(c) >= 0;
  }
}
