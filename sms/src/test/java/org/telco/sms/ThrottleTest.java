package org.telco.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottleTest {
  private final AtomicLong nanos = new AtomicLong(1_000);
  private final Throttle throttle = new Throttle(nanos::get);
  private final EsmeAccount account =
      EsmeAccount.withPassword("bank1", "pw", new byte[16], List.of("*"), 3, List.of());

  @Test
  void aFullSecondsWorthThenNothingUntilTimeRefillsIt() {
    assertThat(takes(5)).isEqualTo(3);

    nanos.addAndGet(333_400_000L); // a third of a second: one more token
    assertThat(takes(5)).isEqualTo(1);

    nanos.addAndGet(10_000_000_000L); // a long pause saves up no more than a second's worth
    assertThat(takes(10)).isEqualTo(3);
  }

  @Test
  void accountsHaveTheirOwnBuckets() {
    EsmeAccount other =
        EsmeAccount.withPassword("bank2", "pw", new byte[16], List.of("*"), 1, List.of());
    assertThat(takes(3)).isEqualTo(3);
    assertThat(throttle.tryAcquire(other)).isTrue();
    assertThat(throttle.tryAcquire(other)).isFalse();
  }

  private int takes(int attempts) {
    int taken = 0;
    for (int i = 0; i < attempts; i++) {
      if (throttle.tryAcquire(account)) {
        taken++;
      }
    }
    return taken;
  }
}
