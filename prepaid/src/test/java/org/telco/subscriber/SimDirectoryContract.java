package org.telco.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telco.subscriber.SimDirectory.Assignment;

/** What every {@link SimDirectory} must do; each implementation's test extends it. */
public abstract class SimDirectoryContract {
  private static final Msisdn ALICE = new Msisdn("8613800000001");
  private static final Msisdn BOB = new Msisdn("8613800000002");
  private static final Imsi SIM_1 = new Imsi("460001234567891");
  private static final Imsi SIM_2 = new Imsi("460001234567892");

  private SimDirectory directory;

  /** A new, empty directory. */
  protected abstract SimDirectory newDirectory();

  @BeforeEach
  void open() {
    directory = newDirectory();
  }

  @Test
  void aSimAssignedToANumberIsFoundBothWays() {
    assertThat(directory.numberOf(SIM_1)).isEmpty();
    assertThat(directory.simOf(ALICE)).isEmpty();

    assertThat(directory.assign(ALICE, SIM_1)).isEqualTo(Assignment.ASSIGNED);

    assertThat(directory.numberOf(SIM_1)).contains(ALICE);
    assertThat(directory.simOf(ALICE)).contains(SIM_1);
    assertThat(directory.assign(ALICE, SIM_1)).isEqualTo(Assignment.UNCHANGED);
  }

  @Test
  void aNewSimForANumberFreesTheOldOne() {
    directory.assign(ALICE, SIM_1);

    assertThat(directory.assign(ALICE, SIM_2)).isEqualTo(Assignment.ASSIGNED);

    assertThat(directory.simOf(ALICE)).contains(SIM_2);
    assertThat(directory.numberOf(SIM_1)).isEmpty();
    assertThat(directory.assign(BOB, SIM_1)).isEqualTo(Assignment.ASSIGNED);
    assertThat(directory.numberOf(SIM_1)).contains(BOB);
  }

  @Test
  void aSimServingAnotherNumberIsNotMoved() {
    directory.assign(ALICE, SIM_1);

    assertThat(directory.assign(BOB, SIM_1)).isEqualTo(Assignment.TAKEN);

    assertThat(directory.numberOf(SIM_1)).contains(ALICE);
    assertThat(directory.simOf(BOB)).isEmpty();
  }

  @Test
  void ofTwoNumbersRacingForOneSimExactlyOneGetsIt() throws Exception {
    for (int round = 0; round < 20; round++) {
      Imsi sim = new Imsi("4600099990000" + (10 + round));
      Msisdn first = new Msisdn("86139000%05d".formatted(round * 2));
      Msisdn second = new Msisdn("86139000%05d".formatted(round * 2 + 1));
      List<Callable<Assignment>> racers =
          List.of(() -> directory.assign(first, sim), () -> directory.assign(second, sim));
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Assignment> outcomes = new ArrayList<>();
      try {
        for (Future<Assignment> outcome : pool.invokeAll(racers)) {
          outcomes.add(outcome.get());
        }
      } finally {
        pool.shutdown();
      }
      assertThat(outcomes).containsExactlyInAnyOrder(Assignment.ASSIGNED, Assignment.TAKEN);
      Msisdn winner = directory.numberOf(sim).orElseThrow();
      assertThat(directory.simOf(winner)).contains(sim);
      assertThat(directory.simOf(winner.equals(first) ? second : first)).isEmpty();
    }
  }
}
