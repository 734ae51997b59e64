package org.telco.app.porting;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.WebServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.OperatorId;
import org.telco.web.Json;
import org.telco.web.PeerClient;

/**
 * An operator's routing feed against a stand-in clearinghouse over real HTTP: the log is replayed
 * in order and in pages, a page that skips a version makes the feed rebuild its replica from the
 * whole log, and an unreachable clearinghouse leaves the replica as it was.
 */
class RoutingFeedTest {
  private static final Msisdn FIRST = new Msisdn("8613800000001");
  private static final Msisdn SECOND = new Msisdn("8613800000002");
  private static final Msisdn THIRD = new Msisdn("8613800000003");

  private final List<RoutingJson.Change> log = new ArrayList<>();
  private final AtomicBoolean skipNext = new AtomicBoolean();
  private final List<Long> asked = new ArrayList<>();
  private WebServer clearinghouse;

  @AfterEach
  void stop() {
    if (clearinghouse != null) {
      clearinghouse.stop();
    }
  }

  @Test
  void changesAreReplayedInOrderAndAGapRebuildsTheReplica() {
    RoutingFeed feed = new RoutingFeed(client(start()));
    log.add(ported(1, FIRST, "beta"));
    log.add(ported(2, SECOND, "beta"));

    assertThat(feed.catchUp()).isEqualTo(2);
    assertThat(feed.version()).isEqualTo(2);
    assertThat(feed.lookup(FIRST).orElseThrow().recipient()).isEqualTo(new OperatorId("beta"));
    assertThat(feed.catchUp()).isZero();

    log.add(new RoutingJson.Change(3, FIRST.digits(), "alpha", null, true));
    log.add(ported(4, THIRD, "gamma"));
    skipNext.set(true); // the next page leaves out version 3
    feed.catchUp();

    assertThat(feed.version()).isEqualTo(4);
    assertThat(feed.lookup(FIRST)).isEmpty();
    assertThat(feed.lookup(SECOND).orElseThrow().recipient()).isEqualTo(new OperatorId("beta"));
    assertThat(feed.lookup(THIRD).orElseThrow().routingNumber().digits()).isEqualTo("139011");
    assertThat(asked).contains(0L); // the rebuild read the log from the start
  }

  @Test
  void anUnreachableClearinghouseLeavesTheReplicaAsItWas() {
    RoutingFeed feed = new RoutingFeed(client(start()));
    log.add(ported(1, FIRST, "beta"));
    feed.catchUp();
    clearinghouse.stop();
    log.add(ported(2, SECOND, "beta"));

    assertThat(feed.catchUp()).isZero();
    assertThat(feed.version()).isEqualTo(1);
    assertThat(feed.lookup(FIRST)).isPresent();
    assertThat(new RoutingFeed(null).catchUp()).isZero();
  }

  private static RoutingJson.Change ported(long version, Msisdn msisdn, String operator) {
    String mnc = operator.equals("beta") ? "01" : "11";
    return new RoutingJson.Change(version, msisdn.digits(), operator, "1390" + mnc, false);
  }

  /** A clearinghouse that serves {@link #log} in pages, leaving out one version on request. */
  private String start() {
    clearinghouse =
        WebServer.builder()
            .port(0)
            .routing(
                routing ->
                    routing.post(
                        "/api/v1/routing/changes",
                        (request, response) -> {
                          RoutingJson.ChangesQuery query =
                              Json.read(
                                  request.content().as(byte[].class),
                                  RoutingJson.ChangesQuery.class);
                          asked.add(query.after());
                          List<RoutingJson.Change> page = new ArrayList<>();
                          for (RoutingJson.Change change : log) {
                            if (change.version() > query.after() && page.size() < query.limit()) {
                              page.add(change);
                            }
                          }
                          if (skipNext.getAndSet(false) && !page.isEmpty()) {
                            page.removeFirst();
                          }
                          long latest = log.isEmpty() ? 0 : log.getLast().version();
                          response.send(Json.write(new RoutingJson.Changes(latest, page)));
                        }))
            .build()
            .start();
    return "http://127.0.0.1:" + clearinghouse.port();
  }

  private static PeerClient client(String url) {
    return new PeerClient("alpha", "clearinghouse", url, new byte[32], Clock.systemUTC());
  }
}
