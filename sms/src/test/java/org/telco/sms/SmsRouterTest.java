package org.telco.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.OperatorId;
import org.telco.subscriber.OperatorProfiles;

class SmsRouterTest {
  private static final OperatorId ALPHA = new OperatorId("alpha");
  private static final Set<String> SUBSCRIBERS = Set.of("8613800000001");

  private final ShortCodes shortCodes = new ShortCodes();
  private final SmsRouter router =
      new SmsRouter(
          ALPHA,
          NumberOwners.byRanges(OperatorProfiles.allInOne()),
          SUBSCRIBERS::contains,
          shortCodes);

  @Test
  void ownSubscriberGoesToTheHandset() {
    assertThat(router.route(message("8613800000001")))
        .isEqualTo(new Route.ToHandset("8613800000001"));
  }

  @Test
  void ownNumberWithoutSubscriberIsNotInService() {
    assertThat(router.route(message("8613800000999")))
        .isEqualTo(new Route.Unroutable("not-in-service"));
  }

  @Test
  void anotherOperatorsNumberGoesToItsCentre() {
    assertThat(router.route(message("8618600000001")))
        .isEqualTo(new Route.ToPeer(new OperatorId("beta")));
    assertThat(router.route(message("8618900000001")).describe()).isEqualTo("peer:gamma");
  }

  @Test
  void aMessageFromAPeerIsNeverSentOnToAnotherPeer() {
    ShortMessage fromBeta =
        new ShortMessage(
            "m1",
            new Origin.Peer(new OperatorId("beta")),
            "8618600000001",
            "8618900000001",
            "hi",
            false,
            Instant.EPOCH);
    assertThat(router.route(fromBeta)).isEqualTo(new Route.Unroutable("not-served-here"));
  }

  @Test
  void numbersOfNoOperatorAreUnknown() {
    assertThat(router.route(message("4915100000001")))
        .isEqualTo(new Route.Unroutable("unknown-number"));
  }

  @Test
  void shortCodesGoToTheirServiceOrReceiver() {
    ShortCodeService echo = m -> List.of(m.text());
    shortCodes.register("10086", echo);
    shortCodes.registerReceiver("95588", "bank1");

    assertThat(router.route(message("10086"))).isEqualTo(new Route.ToService("10086", echo));
    assertThat(router.route(message("95588")).describe()).isEqualTo("esme:bank1");
    assertThat(router.route(message("12345"))).isEqualTo(new Route.Unroutable("unknown-number"));
  }

  private static ShortMessage message(String to) {
    return new ShortMessage(
        "m1", new Origin.Handset("8613800000002"), "8613800000002", to, "hi", false, Instant.EPOCH);
  }
}
