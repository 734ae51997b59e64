package org.telco.subscriber;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The operators of one platform, looked up by id or by number range. No two of them may share a
 * number range or a short code, so a number's home operator (before porting) is never ambiguous.
 *
 * @param operators the operators, in the order they were configured
 */
public record OperatorProfiles(List<OperatorProfile> operators) {
  /** The zone of the demo operators' billing days. */
  public static final ZoneId DEMO_ZONE = ZoneId.of("Asia/Shanghai");

  /** Checks that ids, ranges and short codes are unique across operators. */
  public OperatorProfiles {
    operators = List.copyOf(operators);
    for (int i = 0; i < operators.size(); i++) {
      for (int j = i + 1; j < operators.size(); j++) {
        requireDistinct(operators.get(i), operators.get(j));
      }
    }
  }

  /**
   * The three operators of the all-in-one platform. Their ranges, network codes and service short
   * codes mirror the real allocations of those prefixes in China (138: 460-00 and 10086, 186:
   * 460-01 and 10010, 189: 460-11 and 10000), so the demo data looks like what an operator's
   * engineers know; the operators themselves are fictional. Each also has a second short code on
   * which it takes device-binding requests (flow F3).
   */
  public static OperatorProfiles allInOne() {
    return new OperatorProfiles(
        List.of(
            demo("alpha", "Alpha Mobile", "00", "86138", "10086", "1008601"),
            demo("beta", "Beta Telecom", "01", "86186", "10010", "1001001"),
            demo("gamma", "Gamma Networks", "11", "86189", "10000", "1000001")));
  }

  private static OperatorProfile demo(
      String id, String name, String mnc, String range, String service, String binding) {
    return new OperatorProfile(
        new OperatorId(id),
        name,
        "460",
        mnc,
        DEMO_ZONE,
        List.of(new NumberRange(range)),
        List.of(service, binding));
  }

  /** The operator with this id. */
  public Optional<OperatorProfile> find(OperatorId id) {
    return operators.stream().filter(o -> o.id().equals(id)).findFirst();
  }

  /** The operator whose ranges hold the number: its home operator, porting aside. */
  public Optional<OperatorProfile> owner(Msisdn msisdn) {
    return operators.stream().filter(o -> o.owns(msisdn)).findFirst();
  }

  private static void requireDistinct(OperatorProfile a, OperatorProfile b) {
    if (a.id().equals(b.id())) {
      throw new IllegalArgumentException("two operators are called " + a.id());
    }
    for (NumberRange ra : a.ranges()) {
      for (NumberRange rb : b.ranges()) {
        if (ra.overlaps(rb)) {
          throw new IllegalArgumentException(
              a.id() + " and " + b.id() + " share numbers: " + ra + ", " + rb);
        }
      }
    }
    for (String code : a.shortCodes()) {
      if (b.shortCodes().contains(code)) {
        throw new IllegalArgumentException(a.id() + " and " + b.id() + " share short code " + code);
      }
    }
  }
}
