package org.telco.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telco.app.nchf.ChargingDataReading;
import org.telco.app.nchf.ChargingDataRequest;
import org.telco.app.nchf.MultipleUnitUsage;
import org.telco.app.nchf.NFIdentification;
import org.telco.app.nchf.NchfRequests;
import org.telco.app.nchf.NodeFunctionality;
import org.telco.app.nchf.RequestedUnit;
import org.telco.app.nchf.Trigger;
import org.telco.app.nchf.TriggerCategory;
import org.telco.app.nchf.TriggerType;
import org.telco.app.nchf.UsedUnitContainer;
import org.telco.web.Json;

/** The load's hand-written bodies are the JSON the records of the Nchf API write, and valid. */
class NchfBodiesTest {
  private static final long[] GROUPS = {10, 1001};
  private static final String NOW = "2026-11-22T20:30:00.123456Z";
  private final NchfBodies bodies = new NchfBodies(GROUPS, 100_000, 20_000);

  @Test
  void aCreateIsWhatJacksonWritesForTheRecord() throws Exception {
    assertSame(
        bodies.request("msisdn-8613871000001", 0, NOW, true, false, 1, false),
        record("msisdn-8613871000001", 0, true, false, 1, null));
  }

  @Test
  void anUpdateAndItsRetransmissionAreWhatJacksonWritesForTheRecord() throws Exception {
    assertSame(
        bodies.request("msisdn-8613871000002", 3, NOW, true, true, 7, false),
        record("msisdn-8613871000002", 3, true, true, 7, null));
    assertSame(
        bodies.request("msisdn-8613871000002", 3, NOW, true, true, 7, true),
        record("msisdn-8613871000002", 3, true, true, 7, true));
  }

  @Test
  void aReleaseIsWhatJacksonWritesForTheRecord() throws Exception {
    assertSame(
        bodies.request("msisdn-8613871000003", 9, NOW, false, true, 17, false),
        record("msisdn-8613871000003", 9, false, true, 17, null));
  }

  private static void assertSame(String text, ChargingDataRequest record) throws Exception {
    JsonNode written = Json.mapper().readTree(text);
    assertThat(written).isEqualTo(Json.mapper().readTree(Json.write(record)));
    assertThat(NchfRequests.read(text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ChargingDataReading.Valid.class);
  }

  private static ChargingDataRequest record(
      String subscriber, long sequence, boolean ask, boolean report, long first, Boolean again) {
    List<MultipleUnitUsage> usages = new ArrayList<>();
    long local = first;
    for (long group : GROUPS) {
      List<UsedUnitContainer> used =
          report
              ? List.of(
                  new UsedUnitContainer(
                      null,
                      null,
                      List.of(
                          Trigger.of(
                              ask ? TriggerType.QUOTA_THRESHOLD : TriggerType.FINAL,
                              TriggerCategory.IMMEDIATE_REPORT)),
                      NOW,
                      null,
                      20_000L,
                      null,
                      null,
                      null,
                      null,
                      local++,
                      null))
              : null;
      usages.add(
          new MultipleUnitUsage(
              group, ask ? RequestedUnit.ofTotalVolume(100_000) : null, used, null));
    }
    return new ChargingDataRequest(
        subscriber,
        NFIdentification.of(NodeFunctionality.SMF, "7b5a3c1e-2d4f-4a6b-8c9d-0e1f2a3b4c5d"),
        NOW,
        sequence,
        again,
        null,
        null,
        null,
        usages,
        null,
        null);
  }
}
