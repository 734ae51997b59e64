package org.telco.app.smf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.telco.app.nchf.ChargingDataRequest;
import org.telco.app.nchf.ChargingDataResponse;
import org.telco.app.nchf.MultipleUnitInformation;
import org.telco.app.nchf.MultipleUnitUsage;
import org.telco.app.nchf.NFIdentification;
import org.telco.app.nchf.NodeFunctionality;
import org.telco.app.nchf.RequestedUnit;
import org.telco.app.nchf.ResultCode;
import org.telco.app.nchf.Trigger;
import org.telco.app.nchf.TriggerCategory;
import org.telco.app.nchf.TriggerType;
import org.telco.app.nchf.UsedUnitContainer;
import org.telco.web.Json;

/**
 * The charging side of one PDU session as an SMF keeps it (TS 32.291 Rel-17 over TS 32.255): the
 * create asks for quota in each rating group; a group reports its usage and asks again when its
 * volume threshold is crossed, its validity expires or its quota is used up; a refusal or the last
 * units of a final-unit indication stop the group; the release reports what is left. Each request
 * carries the next invocation sequence number and each usage container the next local sequence
 * number, so a retransmitted request is the same request.
 *
 * <p>Plain state, no I/O: the caller sends what it returns and hands back the answers, with the
 * time in nanoseconds of a monotonic clock. Not thread-safe: one session, one thread.
 */
final class PduSession {
  private static final AtomicLong CHARGING_IDS = new AtomicLong();
  private static final long MAX_CHARGING_ID = 4_294_967_295L;
  private static final long PDU_SESSION_IDS = 15;

  private final String subscriber;
  private final String gpsi;
  private final long chargingId;
  private final String notifyUri;
  private final String nfName;
  private final long requestedBytes;
  private final Map<Long, GroupQuota> groups = new LinkedHashMap<>();
  private final List<GroupQuota> reporting = new ArrayList<>();
  private long sequence = -1;
  private long localSequence;
  private boolean quotaAsked;

  /**
   * A session of {@code msisdn} in {@code ratingGroups}, each passing {@code bytesPerSecond}.
   *
   * @param requestedBytes the requestedUnit totalVolume of every quota request
   * @param notifyUri where the CHF notifies this session, or null
   * @param nfName the SMF's NF instance id (a UUID)
   */
  PduSession(
      String msisdn,
      List<Long> ratingGroups,
      long bytesPerSecond,
      long requestedBytes,
      String notifyUri,
      String nfName) {
    this.subscriber = "imsi-" + SimCards.imsiOf(msisdn);
    this.gpsi = "msisdn-" + msisdn;
    this.chargingId = CHARGING_IDS.incrementAndGet() % MAX_CHARGING_ID;
    this.notifyUri = notifyUri;
    this.nfName = nfName;
    this.requestedBytes = requestedBytes;
    for (long group : ratingGroups) {
      groups.put(group, new GroupQuota(group, bytesPerSecond));
    }
  }

  /** What came of one answer: per rating group asked, the bytes granted or the refusal. */
  record Outcome(long grants, long grantedBytes, List<ResultCode> denials, long reportedBytes) {}

  /** The create: quota asked in every rating group. */
  ChargingDataRequest create(Instant now) {
    List<MultipleUnitUsage> usages = new ArrayList<>();
    for (GroupQuota group : groups.values()) {
      usages.add(new MultipleUnitUsage(group.ratingGroup(), requested(), null, null));
      reporting.add(group);
    }
    quotaAsked = true;
    return request(now, usages);
  }

  /** Whether some rating group still passes traffic or waits for quota. */
  boolean active() {
    return groups.values().stream().anyMatch(g -> !g.stopped());
  }

  /** Nanoseconds from {@code nowNanos} until some group must report, or Long.MAX_VALUE. */
  long nanosUntilDue(long nowNanos) {
    long next = Long.MAX_VALUE;
    for (GroupQuota group : groups.values()) {
      next = Math.min(next, group.nanosUntilDue(nowNanos));
    }
    return next;
  }

  /** The bytes used of the grants in force at {@code nowNanos}, not yet reported. */
  long unreportedBytes(long nowNanos) {
    return groups.values().stream().mapToLong(g -> g.usedBytes(nowNanos)).sum();
  }

  /**
   * The update due at {@code nowNanos}: every group with a trigger reports its usage and, unless on
   * its final units, asks for more; or null when no group has to report.
   */
  ChargingDataRequest update(long nowNanos, Instant now) {
    List<MultipleUnitUsage> usages = new ArrayList<>();
    boolean asks = false;
    for (GroupQuota group : groups.values()) {
      TriggerType trigger = group.due(nowNanos);
      if (trigger == null) {
        continue;
      }
      long used = group.beginReport(nowNanos);
      boolean more = !group.reportingFinal();
      asks |= more;
      usages.add(
          new MultipleUnitUsage(
              group.ratingGroup(),
              more ? requested() : null,
              List.of(container(used, trigger, now)),
              null));
      reporting.add(group);
    }
    if (usages.isEmpty()) {
      return null;
    }
    quotaAsked = asks;
    return request(now, usages);
  }

  /** The release: the last usage of every group that still holds quota, and the session ends. */
  ChargingDataRequest release(long nowNanos, Instant now) {
    List<MultipleUnitUsage> usages = new ArrayList<>();
    for (GroupQuota group : groups.values()) {
      if (group.stopped() || group.waiting()) {
        continue;
      }
      long used = group.beginReport(nowNanos);
      usages.add(
          new MultipleUnitUsage(
              group.ratingGroup(), null, List.of(container(used, TriggerType.FINAL, now)), null));
      reporting.add(group);
    }
    quotaAsked = false;
    return request(now, usages);
  }

  /**
   * Applies the answer to the last create or update at {@code nowNanos}: reports count as reported,
   * grants come into force, refused groups stop. A group that asked and got no entry stops too.
   */
  Outcome answered(ChargingDataResponse response, long nowNanos) {
    Map<Long, MultipleUnitInformation> byGroup = new LinkedHashMap<>();
    if (response != null && response.multipleUnitInformation() != null) {
      for (MultipleUnitInformation info : response.multipleUnitInformation()) {
        byGroup.put(info.ratingGroup(), info);
      }
    }
    long grants = 0;
    long grantedBytes = 0;
    long reported = 0;
    List<ResultCode> denials = new ArrayList<>();
    for (GroupQuota group : reporting) {
      boolean last = group.reportingFinal();
      reported += group.reportAcknowledged();
      MultipleUnitInformation info = byGroup.get(group.ratingGroup());
      if (last || !quotaAsked) {
        group.stop();
      } else if (info == null) {
        group.stop();
        denials.add(new ResultCode("NO_ANSWER"));
      } else {
        long bytes = group.granted(info, nowNanos);
        if (bytes > 0) {
          grants++;
          grantedBytes += bytes;
        } else {
          denials.add(info.resultCode() == null ? ResultCode.SUCCESS : info.resultCode());
        }
      }
    }
    reporting.clear();
    return new Outcome(grants, grantedBytes, denials, reported);
  }

  /** The release was acknowledged: what it reported counts, and every group stops. */
  long released() {
    long reported = 0;
    for (GroupQuota group : reporting) {
      reported += group.reportAcknowledged();
    }
    reporting.clear();
    groups.values().forEach(GroupQuota::stop);
    return reported;
  }

  /** The request in flight failed for good: its reports are lost and the session ends. */
  void failed() {
    reporting.clear();
    groups.values().forEach(GroupQuota::stop);
  }

  /** The invocation sequence number of the last request made. */
  long sequence() {
    return sequence;
  }

  private RequestedUnit requested() {
    return RequestedUnit.ofTotalVolume(requestedBytes);
  }

  private UsedUnitContainer container(long used, TriggerType trigger, Instant now) {
    return new UsedUnitContainer(
        null,
        null,
        List.of(Trigger.of(trigger, TriggerCategory.IMMEDIATE_REPORT)),
        now.toString(),
        null,
        used,
        null,
        null,
        null,
        null,
        ++localSequence,
        null);
  }

  private ChargingDataRequest request(Instant now, List<MultipleUnitUsage> usages) {
    sequence++;
    return new ChargingDataRequest(
        subscriber,
        NFIdentification.of(NodeFunctionality.SMF, nfName),
        now.toString(),
        sequence,
        null,
        null,
        sequence == 0 ? notifyUri : null,
        null,
        usages.isEmpty() ? null : List.copyOf(usages),
        null,
        sequence == 0 ? sessionInformation() : null);
  }

  /**
   * What a real SMF tells the CHF about the PDU session when it opens it: the charging id, the
   * number (GPSI) beside the SIM's SUPI in {@code subscriberIdentifier}, the session id and the
   * DNN.
   */
  private JsonNode sessionInformation() {
    ObjectNode information = Json.mapper().createObjectNode();
    information.put("chargingId", chargingId);
    information.putObject("userInformation").put("servedGPSI", gpsi);
    information
        .putObject("pduSessionInformation")
        .put("pduSessionID", 1 + chargingId % PDU_SESSION_IDS)
        .put("dnnId", "internet");
    return information;
  }
}
