package org.telco.charging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.telco.traffic.RatingGroup;

/**
 * The answer for one rating group (an Nchf {@code multipleUnitInformation} entry).
 *
 * @param group the rating group
 * @param result the outcome
 * @param grantedBytes the quota granted (0: none)
 * @param validitySeconds how long the grant is valid (0 without a grant)
 * @param quotaHoldingSeconds idle time after which the SMF returns it (0 without a grant)
 * @param thresholdBytes when fewer than this are left, the SMF should ask again
 * @param finalUnits whether this is the last grant: the SMF ends the service when it is used up
 */
public record UnitAnswer(
    RatingGroup group,
    UnitResult result,
    long grantedBytes,
    long validitySeconds,
    long quotaHoldingSeconds,
    long thresholdBytes,
    boolean finalUnits) {
  /** Checks the amounts. */
  public UnitAnswer {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(result, "result");
    if (grantedBytes < 0 || validitySeconds < 0 || quotaHoldingSeconds < 0 || thresholdBytes < 0) {
      throw new IllegalArgumentException("no negative field");
    }
  }

  /** A refusal without a grant; the SMF terminates the service of that group. */
  public static UnitAnswer refused(RatingGroup group, UnitResult result) {
    return new UnitAnswer(group, result, 0, 0, 0, 0, true);
  }

  /** Answers as one line each, {@code group,result,granted,validity,holding,threshold,final}. */
  public static String encode(List<UnitAnswer> answers) {
    StringBuilder text = new StringBuilder();
    for (UnitAnswer a : answers) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append(a.group.value())
          .append(',')
          .append(a.result)
          .append(',')
          .append(a.grantedBytes)
          .append(',')
          .append(a.validitySeconds)
          .append(',')
          .append(a.quotaHoldingSeconds)
          .append(',')
          .append(a.thresholdBytes)
          .append(',')
          .append(a.finalUnits);
    }
    return text.toString();
  }

  /** The answers {@link #encode} wrote. */
  public static List<UnitAnswer> decode(String text) {
    List<UnitAnswer> answers = new ArrayList<>();
    if (text.isEmpty()) {
      return answers;
    }
    for (String line : text.split("\n")) {
      String[] f = line.split(",");
      answers.add(
          new UnitAnswer(
              new RatingGroup(Long.parseLong(f[0])),
              UnitResult.valueOf(f[1]),
              Long.parseLong(f[2]),
              Long.parseLong(f[3]),
              Long.parseLong(f[4]),
              Long.parseLong(f[5]),
              Boolean.parseBoolean(f[6])));
    }
    return answers;
  }
}
