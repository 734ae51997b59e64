package org.telco.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StripedLocksTest {
  @Test
  void workOnOneKeyNeverOverlapsAndMayTakeItsLockAgain() throws InterruptedException {
    StripedLocks locks = new StripedLocks(8);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < 2_000; i++) {
                      locks.locked(
                          "port-1",
                          () -> {
                            if (inside.incrementAndGet() > 1) {
                              overlaps.incrementAndGet();
                            }
                            Thread.onSpinWait();
                            inside.decrementAndGet();
                            return null;
                          });
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(overlaps).hasValue(0);
    assertThat(locks.locked("a", () -> locks.locked("a", () -> "again"))).isEqualTo("again");
  }

  @Test
  void needsAtLeastOneStripe() {
    assertThatThrownBy(() -> new StripedLocks(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
