package org.telco.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telco.outbox.InMemoryOutbox;
import org.telco.outbox.Outbox;
import org.telco.outbox.OutboxMessage;
import org.telco.outbox.OutboxRelay;
import org.telco.time.SimulatedClock;

/** Network commands travel from the outbox, through the relay, to the simulated HLR. */
class NetworkCommandDeliveryTest {
  private static final String ALICE = "8613800000001";

  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final SimulatedHlr hlr = new SimulatedHlr(new InMemoryHlrStore(), clock);
  private final InMemoryOutbox outbox = new InMemoryOutbox();

  @Test
  void commandDeliveredTwiceAfterACrashTakesEffectOnce() {
    CrashBeforeRecordingDelivery crashing = new CrashBeforeRecordingDelivery(outbox);
    OutboxRelay relay = relay(crashing, hlr);
    outbox.enqueue(barAlice());

    crashing.crashNext = true;
    assertThatThrownBy(relay::relayOnce).hasMessageContaining("crash");
    assertThat(hlr.commandLog(ALICE)).as("the command reached the network").hasSize(1);
    assertThat(outbox.pendingCount()).as("but its delivery was not recorded").isEqualTo(1);
    assertThat(relay.relayOnce()).as("delivered again after the restart").isEqualTo(1);

    assertThat(hlr.status(ALICE)).isEqualTo(new LineStatus(ALICE, true, 0, "bar:1"));
    assertThat(hlr.commandLog(ALICE)).hasSize(1);
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void lateSecondDeliveryDoesNotUndoALaterCommand() throws Exception {
    NetworkCommandHandler handler = new NetworkCommandHandler(hlr);
    OutboxMessage bar = barAlice();

    handler.deliver(bar);
    handler.deliver(
        NetworkCommands.message(new NetworkCommand.Unbar("unbar:1", ALICE), clock.instant()));
    handler.deliver(bar);

    assertThat(hlr.status(ALICE).barred()).isFalse();
    assertThat(hlr.commandLog(ALICE))
        .extracting(applied -> applied.command().commandId())
        .containsExactly("bar:1", "unbar:1");
  }

  @Test
  void failingGatewayIsRetriedByTheRelayUntilTheCommandGetsThrough() {
    UnreachableFor unreachable = new UnreachableFor(2, hlr);
    OutboxRelay relay = relay(outbox, unreachable);
    outbox.enqueue(barAlice());
    outbox.enqueue(
        NetworkCommands.message(new NetworkCommand.Unbar("unbar:1", ALICE), clock.instant()));

    assertThat(relay.relayOnce()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(relay.relayOnce()).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(relay.relayOnce()).as("second retry waits 2 s").isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(relay.relayOnce()).isEqualTo(2);

    assertThat(unreachable.calls).isEqualTo(4);
    assertThat(hlr.commandLog(ALICE))
        .extracting(applied -> applied.command().commandId())
        .as("the unbar waited behind the retried bar")
        .containsExactly("bar:1", "unbar:1");
    assertThat(hlr.status(ALICE).barred()).isFalse();
  }

  private OutboxMessage barAlice() {
    return NetworkCommands.message(
        new NetworkCommand.Bar("bar:1", ALICE, "unpaid-fee"), clock.instant());
  }

  private OutboxRelay relay(Outbox relayOutbox, NetworkGateway gateway) {
    return new OutboxRelay(
        relayOutbox, clock, Map.of(NetworkCommands.TOPIC, new NetworkCommandHandler(gateway)));
  }

  /** An outbox whose process dies once between delivering a message and recording it. */
  private static final class CrashBeforeRecordingDelivery implements Outbox {
    private final Outbox outbox;
    boolean crashNext;

    CrashBeforeRecordingDelivery(Outbox outbox) {
      this.outbox = outbox;
    }

    @Override
    public void enqueue(OutboxMessage message) {
      outbox.enqueue(message);
    }

    @Override
    public List<OutboxMessage> due(Instant now, int limit) {
      return outbox.due(now, limit);
    }

    @Override
    public void delivered(String id, Instant at) {
      if (crashNext) {
        crashNext = false;
        throw new IllegalStateException("crash before the delivery was recorded");
      }
      outbox.delivered(id, at);
    }

    @Override
    public void retryLater(String id, Instant nextAttemptAt, String error) {
      outbox.retryLater(id, nextAttemptAt, error);
    }

    @Override
    public int pendingCount() {
      return outbox.pendingCount();
    }
  }

  /** A gateway that cannot be reached for its first few calls. */
  private static final class UnreachableFor implements NetworkGateway {
    private final NetworkGateway gateway;
    private int failuresLeft;
    int calls;

    UnreachableFor(int failures, NetworkGateway gateway) {
      this.failuresLeft = failures;
      this.gateway = gateway;
    }

    @Override
    public AppliedCommand apply(NetworkCommand command) {
      calls++;
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new IllegalStateException("network unreachable");
      }
      return gateway.apply(command);
    }

    @Override
    public LineStatus status(String msisdn) {
      return gateway.status(msisdn);
    }
  }
}
