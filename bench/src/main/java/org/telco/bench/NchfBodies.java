package org.telco.bench;

/**
 * The ChargingDataRequest bodies of the Nchf load, written straight into text. A load generator
 * that shares two cores with the node it measures cannot spend tens of microseconds on an object
 * mapper per request; the text is the same JSON that Jackson writes for the records of {@code
 * org.telco.app.nchf} ({@code NchfBodiesTest} compares the two), so the node parses what an SMF
 * would send.
 */
final class NchfBodies {
  private static final String NF_NAME = "7b5a3c1e-2d4f-4a6b-8c9d-0e1f2a3b4c5d";

  private final long[] groups;
  private final long requestedBytes;
  private final long usedBytes;

  /**
   * Bodies for sessions in {@code groups}, each asking {@code requestedBytes} and reporting {@code
   * usedBytes} per group.
   */
  NchfBodies(long[] groups, long requestedBytes, long usedBytes) {
    this.groups = groups.clone();
    this.requestedBytes = requestedBytes;
    this.usedBytes = usedBytes;
  }

  /**
   * One request.
   *
   * @param subscriber the subscriberIdentifier, e.g. {@code msisdn-8613871000001}
   * @param sequence the invocationSequenceNumber
   * @param now the invocation and trigger timestamp, ISO-8601
   * @param ask whether each group asks for quota
   * @param report whether each group reports usage (with trigger QUOTA_THRESHOLD when it also asks,
   *     else FINAL)
   * @param firstLocalSequence the localSequenceNumber of the first group's container; the others
   *     follow it
   * @param retransmitted whether the request is sent again ({@code retransmissionIndicator})
   */
  String request(
      String subscriber,
      long sequence,
      String now,
      boolean ask,
      boolean report,
      long firstLocalSequence,
      boolean retransmitted) {
    StringBuilder json = new StringBuilder(400);
    json.append("{\"subscriberIdentifier\":\"").append(subscriber).append('"');
    json.append(",\"nfConsumerIdentification\":{\"nodeFunctionality\":\"SMF\",\"nFName\":\"")
        .append(NF_NAME)
        .append("\"}");
    json.append(",\"invocationTimeStamp\":\"").append(now).append('"');
    json.append(",\"invocationSequenceNumber\":").append(sequence);
    if (retransmitted) {
      json.append(",\"retransmissionIndicator\":true");
    }
    json.append(",\"multipleUnitUsage\":[");
    for (int i = 0; i < groups.length; i++) {
      json.append(i == 0 ? "" : ",").append("{\"ratingGroup\":").append(groups[i]);
      if (ask) {
        json.append(",\"requestedUnit\":{\"totalVolume\":").append(requestedBytes).append('}');
      }
      if (report) {
        json.append(",\"usedUnitContainer\":[{\"triggers\":[{\"triggerType\":\"")
            .append(ask ? "QUOTA_THRESHOLD" : "FINAL")
            .append("\",\"triggerCategory\":\"IMMEDIATE_REPORT\"}],\"triggerTimestamp\":\"")
            .append(now)
            .append("\",\"totalVolume\":")
            .append(usedBytes)
            .append(",\"localSequenceNumber\":")
            .append(firstLocalSequence + i)
            .append("}]");
      }
      json.append('}');
    }
    return json.append("]}").toString();
  }
}
