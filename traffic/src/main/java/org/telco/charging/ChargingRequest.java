package org.telco.charging;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One Nchf request, as charging needs it: its sequence number and what it says per rating group.
 *
 * @param sequence the invocation sequence number (Uint32)
 * @param retransmission whether the SMF marked it as a retransmission
 * @param at the invocation time stamp
 * @param units per rating group, each at most once
 */
public record ChargingRequest(
    long sequence, boolean retransmission, Instant at, List<UnitRequest> units) {
  /** Checks that no rating group comes twice. */
  public ChargingRequest {
    Objects.requireNonNull(at, "at");
    units = List.copyOf(units);
    Set<Object> groups = new HashSet<>();
    for (UnitRequest unit : units) {
      if (!groups.add(unit.group())) {
        throw new IllegalArgumentException("rating group " + unit.group() + " comes twice");
      }
    }
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence numbers are not negative");
    }
  }
}
