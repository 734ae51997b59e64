package org.telco.subscriber;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who an operator is: its id and name, its network code (MCC and MNC), the zone its billing days
 * are counted in, the number ranges allocated to it and the SMS short codes it answers on. Built
 * from configuration; {@link OperatorProfiles#allInOne()} gives the demo operators.
 *
 * <p>Owning a range means new subscriptions may take numbers in it. A number ported in from another
 * operator is a subscriber without being in these ranges, so "is this our subscriber" is a question
 * for the subscriber store, not for {@link #owns(Msisdn)}.
 *
 * @param id the operator's node id, such as {@code alpha}
 * @param name a display name
 * @param mcc the mobile country code, 3 digits
 * @param mnc the mobile network code, 2 or 3 digits
 * @param zone where calendar days (billing cycle dates) are counted
 * @param ranges the allocated number ranges; at least one, none overlapping another
 * @param shortCodes the SMS short codes, 3-8 digits each, the service short code first
 */
public record OperatorProfile(
    OperatorId id,
    String name,
    String mcc,
    String mnc,
    ZoneId zone,
    List<NumberRange> ranges,
    List<String> shortCodes) {
  private static final Pattern MCC = Pattern.compile("[0-9]{3}");
  private static final Pattern MNC = Pattern.compile("[0-9]{2,3}");
  private static final Pattern SHORT_CODE = Pattern.compile("[0-9]{3,8}");

  /** Checks every field and freezes the lists. */
  public OperatorProfile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zone, "zone");
    if (name.isBlank()) {
      throw new IllegalArgumentException("operator name must not be blank");
    }
    if (mcc == null || !MCC.matcher(mcc).matches()) {
      throw new IllegalArgumentException("mcc must be 3 digits: " + mcc);
    }
    if (mnc == null || !MNC.matcher(mnc).matches()) {
      throw new IllegalArgumentException("mnc must be 2 or 3 digits: " + mnc);
    }
    ranges = List.copyOf(ranges);
    shortCodes = List.copyOf(shortCodes);
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("an operator needs at least one number range");
    }
    for (int i = 0; i < ranges.size(); i++) {
      for (int j = i + 1; j < ranges.size(); j++) {
        if (ranges.get(i).overlaps(ranges.get(j))) {
          throw new IllegalArgumentException(
              "ranges " + ranges.get(i) + " and " + ranges.get(j) + " overlap");
        }
      }
    }
    if (shortCodes.isEmpty()) {
      throw new IllegalArgumentException("an operator needs at least its service short code");
    }
    for (String code : shortCodes) {
      if (!SHORT_CODE.matcher(code).matches()) {
        throw new IllegalArgumentException("short code must be 3-8 digits: " + code);
      }
    }
    if (new HashSet<>(shortCodes).size() != shortCodes.size()) {
      throw new IllegalArgumentException("short codes must be distinct: " + shortCodes);
    }
  }

  /** Whether the number lies in one of this operator's ranges. */
  public boolean owns(Msisdn msisdn) {
    for (NumberRange range : ranges) {
      if (range.contains(msisdn)) {
        return true;
      }
    }
    return false;
  }

  /** The short code subscribers text for service, such as binding a device. */
  public String serviceShortCode() {
    return shortCodes.getFirst();
  }

  /** MCC and MNC together, the PLMN id used by the network, such as {@code 46000}. */
  public String plmnId() {
    return mcc + mnc;
  }
}
