package org.telco.app.smf;

import org.telco.app.nchf.FinalUnitAction;
import org.telco.app.nchf.MultipleUnitInformation;
import org.telco.app.nchf.ResultCode;
import org.telco.app.nchf.TriggerType;

/**
 * The quota an SMF holds for one rating group of one PDU session, and the traffic counted against
 * it. The UPF passes the group's traffic at a steady rate while a grant is in force and holds it
 * while the group waits for the CHF's answer, so the bytes used never exceed the bytes granted and
 * every byte used is reported exactly once.
 *
 * <p>Time is in nanoseconds of a monotonic clock handed in by the caller.
 */
final class GroupQuota {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long ratingGroup;
  private final long bytesPerSecond;
  private long grantedBytes;
  private long thresholdBytes;
  private long grantedAtNanos;
  private long validUntilNanos = Long.MAX_VALUE;
  private boolean finalUnits;
  private boolean thresholdReported;
  private boolean waiting = true;
  private boolean stopped;
  private long reportingBytes;
  private boolean reportingFinal;

  GroupQuota(long ratingGroup, long bytesPerSecond) {
    if (bytesPerSecond <= 0) {
      throw new IllegalArgumentException("bytesPerSecond must be positive: " + bytesPerSecond);
    }
    this.ratingGroup = ratingGroup;
    this.bytesPerSecond = bytesPerSecond;
  }

  long ratingGroup() {
    return ratingGroup;
  }

  /** Whether the group still passes traffic or waits for quota. */
  boolean stopped() {
    return stopped;
  }

  /** Whether the group has asked for quota and waits for the answer. */
  boolean waiting() {
    return waiting;
  }

  /** Whether the grant in force is the last one (a final-unit indication came with it). */
  boolean finalUnits() {
    return finalUnits;
  }

  /** The bytes used of the grant in force at {@code nowNanos}. */
  long usedBytes(long nowNanos) {
    if (waiting || stopped) {
      return 0;
    }
    long elapsed = Math.max(0, nowNanos - grantedAtNanos);
    long seconds = elapsed / NANOS_PER_SECOND;
    long rest = elapsed % NANOS_PER_SECOND;
    long bytes =
        Math.addExact(
            Math.multiplyExact(seconds, bytesPerSecond),
            Math.multiplyExact(rest, bytesPerSecond) / NANOS_PER_SECOND);
    return Math.min(grantedBytes, bytes);
  }

  /** Why the group must report now, or null when it need not. */
  TriggerType due(long nowNanos) {
    if (waiting || stopped) {
      return null;
    }
    long used = usedBytes(nowNanos);
    if (used >= grantedBytes) {
      return TriggerType.QUOTA_EXHAUSTED;
    }
    if (!thresholdReported && thresholdBytes > 0 && grantedBytes - used <= thresholdBytes) {
      return TriggerType.QUOTA_THRESHOLD;
    }
    if (nowNanos >= validUntilNanos) {
      return TriggerType.VALIDITY_TIME;
    }
    return null;
  }

  /** Nanoseconds from {@code nowNanos} until the group must report, or Long.MAX_VALUE. */
  long nanosUntilDue(long nowNanos) {
    if (waiting || stopped) {
      return Long.MAX_VALUE;
    }
    long next = Math.max(0, validUntilNanos - nowNanos);
    next = Math.min(next, untilUsed(grantedBytes, nowNanos));
    if (!thresholdReported && thresholdBytes > 0) {
      next = Math.min(next, untilUsed(Math.max(0, grantedBytes - thresholdBytes), nowNanos));
    }
    return next;
  }

  private long untilUsed(long bytes, long nowNanos) {
    long at =
        grantedAtNanos + ceilDiv(Math.multiplyExact(bytes, 1_000_000L), bytesPerSecond) * 1_000L;
    return Math.max(0, at - nowNanos);
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /**
   * Starts a report at {@code nowNanos}: the bytes used so far leave the grant, and the group waits
   * for its answer. A group on its final units that reports asks for nothing more.
   *
   * @return the bytes used since the last report
   */
  long beginReport(long nowNanos) {
    long used = usedBytes(nowNanos);
    reportingBytes = used;
    reportingFinal = finalUnits && used >= grantedBytes;
    waiting = true;
    grantedBytes = 0;
    return used;
  }

  /** Whether the report in flight is the last one of a group on its final units. */
  boolean reportingFinal() {
    return reportingFinal;
  }

  /** The report in flight was acknowledged; its bytes count as reported. */
  long reportAcknowledged() {
    long bytes = reportingBytes;
    reportingBytes = 0;
    if (reportingFinal) {
      stopped = true;
    }
    return bytes;
  }

  /** Stops the group for good, as after a final report of a released session. */
  void stop() {
    stopped = true;
    waiting = false;
  }

  /**
   * Applies the CHF's answer for this group at {@code nowNanos}: a grant puts it in force with its
   * threshold, validity and final-unit indication; a refusal (such as QUOTA_LIMIT_REACHED) stops
   * the group.
   *
   * @return the bytes granted, 0 when refused
   */
  long granted(MultipleUnitInformation answer, long nowNanos) {
    boolean success = answer.resultCode() == null || ResultCode.SUCCESS.equals(answer.resultCode());
    long bytes =
        answer.grantedUnit() == null || answer.grantedUnit().totalVolume() == null
            ? 0
            : answer.grantedUnit().totalVolume();
    boolean terminate =
        answer.finalUnitIndication() != null
            && FinalUnitAction.TERMINATE.equals(answer.finalUnitIndication().finalUnitAction());
    if (!success || bytes <= 0) {
      stop();
      return 0;
    }
    grantedBytes = bytes;
    grantedAtNanos = nowNanos;
    thresholdBytes = answer.volumeQuotaThreshold() == null ? 0 : answer.volumeQuotaThreshold();
    validUntilNanos =
        answer.validityTime() == null
            ? Long.MAX_VALUE
            : nowNanos + Math.multiplyExact(answer.validityTime(), NANOS_PER_SECOND);
    finalUnits = terminate;
    thresholdReported = terminate;
    waiting = false;
    return bytes;
  }
}
