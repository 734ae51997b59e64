package org.telco.app.nchf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.telco.web.Json;

/**
 * Typical requests of an SMF charging a data session, and a way to read the grants out of the CHF's
 * answers, for tests that drive the Nchf routes.
 *
 * <p>A session is a create ({@link #create}: the rating groups with a requested unit), updates
 * ({@link #update}: the usage of each rating group since the last report, and a request for more)
 * and a release ({@link #release}: the final usage). The invocation sequence number starts at 0 and
 * grows by one per request; each used-unit container takes the request's sequence number as its
 * local sequence number. {@link #request} builds anything else.
 *
 * <pre>{@code
 * byte[] body = NchfExamples.json(NchfExamples.create(NchfExamples.SUPI, 10, 20));
 * // POST it to /nchf-convergedcharging/v3/chargingdata, then:
 * Map<Long, NchfExamples.Grant> grants = NchfExamples.grants(responseBody);
 * long bytes = grants.get(10L).totalVolume();
 * }</pre>
 */
public final class NchfExamples {
  /** A subscriber's SUPI. */
  public static final String SUPI = "imsi-460001380000001";

  /** The SMF's NF instance id. */
  public static final String SMF_INSTANCE = "8c0f6c4e-3b1a-4d2e-9f60-2a7b5d1c9e01";

  /** Where the SMF takes notifications. */
  public static final String NOTIFY_URI = "http://smf.example.invalid/nchf-notify/session-1";

  /** The time the examples use unless told otherwise. */
  public static final Instant AT = Instant.parse("2024-05-01T08:00:00Z");

  private NchfExamples() {}

  /** The create of a session: each rating group asks for quota with an empty requested unit. */
  public static ChargingDataRequest create(String supi, long... ratingGroups) {
    Builder builder = request(supi).sequence(0);
    for (long ratingGroup : ratingGroups) {
      builder.requesting(ratingGroup, null);
    }
    return builder.build();
  }

  /**
   * An update: each rating group reports the bytes used since the last report (triggered by
   * QUOTA_EXHAUSTED) and asks for more.
   */
  public static ChargingDataRequest update(
      String supi, long sequenceNumber, Map<Long, Long> usedBytesByRatingGroup) {
    Builder builder = request(supi).sequence(sequenceNumber);
    new TreeMap<>(usedBytesByRatingGroup)
        .forEach(
            (ratingGroup, bytes) ->
                builder
                    .reporting(ratingGroup, bytes, TriggerType.QUOTA_EXHAUSTED)
                    .requesting(ratingGroup, null));
    return builder.build();
  }

  /** A release: each rating group reports its final usage (triggered by FINAL), asking nothing. */
  public static ChargingDataRequest release(
      String supi, long sequenceNumber, Map<Long, Long> finalBytesByRatingGroup) {
    Builder builder = request(supi).sequence(sequenceNumber);
    new TreeMap<>(finalBytesByRatingGroup)
        .forEach((ratingGroup, bytes) -> builder.reporting(ratingGroup, bytes, TriggerType.FINAL));
    return builder.build();
  }

  /** A builder for any other request of the SMF, starting at sequence 0 at {@link #AT}. */
  public static Builder request(String supi) {
    return new Builder(supi);
  }

  /** The request as the SMF sends it. */
  public static byte[] json(ChargingDataRequest request) {
    return Json.write(request);
  }

  /** The grants of a response body, by rating group in the order of the body. */
  public static Map<Long, Grant> grants(byte[] responseBody) {
    return grants(response(responseBody));
  }

  /** The grants of a response, by rating group in the order of the response. */
  public static Map<Long, Grant> grants(ChargingDataResponse response) {
    Map<Long, Grant> grants = new LinkedHashMap<>();
    if (response.multipleUnitInformation() != null) {
      for (MultipleUnitInformation unit : response.multipleUnitInformation()) {
        grants.put(unit.ratingGroup(), Grant.of(unit));
      }
    }
    return grants;
  }

  /** The response body as a record, for assertions on fields {@link Grant} leaves out. */
  public static ChargingDataResponse response(byte[] responseBody) {
    try {
      return Json.mapper().readValue(responseBody, ChargingDataResponse.class);
    } catch (IOException e) {
      throw new AssertionError(
          "not a ChargingDataResponse: " + new String(responseBody, StandardCharsets.UTF_8), e);
    }
  }

  /**
   * What the CHF answered for one rating group, flattened.
   *
   * @param ratingGroup the rating group
   * @param resultCode the result code, such as SUCCESS or QUOTA_LIMIT_REACHED, or null
   * @param totalVolume the bytes granted, or null when nothing was granted
   * @param validityTime seconds the grant is valid for, or null
   * @param volumeQuotaThreshold bytes left at which to ask for more, or null
   * @param finalUnitAction TERMINATE, REDIRECT or RESTRICT_ACCESS when these are the last units, or
   *     null
   */
  public record Grant(
      long ratingGroup,
      String resultCode,
      Long totalVolume,
      Long validityTime,
      Long volumeQuotaThreshold,
      String finalUnitAction) {

    static Grant of(MultipleUnitInformation unit) {
      return new Grant(
          unit.ratingGroup(),
          unit.resultCode() == null ? null : unit.resultCode().value(),
          unit.grantedUnit() == null ? null : unit.grantedUnit().totalVolume(),
          unit.validityTime(),
          unit.volumeQuotaThreshold(),
          unit.finalUnitIndication() == null
              ? null
              : unit.finalUnitIndication().finalUnitAction().value());
    }

    /** Whether bytes were granted. */
    public boolean granted() {
      return totalVolume != null && totalVolume > 0;
    }

    /** Whether these are the last units the subscriber gets. */
    public boolean isFinal() {
      return finalUnitAction != null;
    }
  }

  /** Builds one request of an SMF; rating groups keep the order they are first named in. */
  public static final class Builder {
    private final String supi;
    private final Map<Long, RequestedUnit> requested = new LinkedHashMap<>();
    private final Map<Long, List<UsedUnitContainer>> used = new LinkedHashMap<>();
    private long sequence;
    private Instant at = AT;
    private boolean retransmission;

    private Builder(String supi) {
      this.supi = supi;
    }

    /** The invocation sequence number, also the local sequence number of the containers. */
    public Builder sequence(long invocationSequenceNumber) {
      this.sequence = invocationSequenceNumber;
      return this;
    }

    /** When the SMF sends it. */
    public Builder at(Instant instant) {
      this.at = instant;
      return this;
    }

    /** Marks it as a retransmission. */
    public Builder retransmission() {
      this.retransmission = true;
      return this;
    }

    /** Asks for quota in a rating group: a total volume, or null to leave it to the CHF. */
    public Builder requesting(long ratingGroup, Long totalVolumeBytes) {
      used.putIfAbsent(ratingGroup, new ArrayList<>());
      requested.put(
          ratingGroup,
          totalVolumeBytes == null
              ? RequestedUnit.unspecified()
              : RequestedUnit.ofTotalVolume(totalVolumeBytes));
      return this;
    }

    /** Reports bytes used in a rating group (all downlink), with the trigger that fired. */
    public Builder reporting(long ratingGroup, long totalVolumeBytes, TriggerType trigger) {
      UsedUnitContainer container =
          new UsedUnitContainer(
              null,
              null,
              List.of(Trigger.of(trigger, TriggerCategory.IMMEDIATE_REPORT)),
              at.toString(),
              null,
              totalVolumeBytes,
              0L,
              totalVolumeBytes,
              null,
              null,
              sequence,
              null);
      used.computeIfAbsent(ratingGroup, key -> new ArrayList<>()).add(container);
      return this;
    }

    /** The request. */
    public ChargingDataRequest build() {
      List<MultipleUnitUsage> usages = new ArrayList<>();
      used.forEach(
          (ratingGroup, containers) ->
              usages.add(
                  new MultipleUnitUsage(
                      ratingGroup,
                      requested.get(ratingGroup),
                      containers.isEmpty() ? null : List.copyOf(containers),
                      null)));
      return new ChargingDataRequest(
          supi,
          NFIdentification.of(NodeFunctionality.SMF, SMF_INSTANCE),
          at.toString(),
          sequence,
          retransmission ? Boolean.TRUE : null,
          null,
          NOTIFY_URI,
          null,
          usages.isEmpty() ? null : List.copyOf(usages),
          null,
          null);
    }
  }
}
