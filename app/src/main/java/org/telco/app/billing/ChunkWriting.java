package org.telco.app.billing;

import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.Subscriber;

/**
 * The plumbing of {@link BillingRun#runDue}'s pipeline: its writer threads and chunks in flight.
 */
final class ChunkWriting {
  private ChunkWriting() {}

  /**
   * A chunk on its way to the store, and its numbers, which the next read leaves out.
   *
   * @param stored done once the chunk's subscribers are moved on
   * @param numbers the chunk's numbers
   */
  record Writing(Future<?> stored, Set<Msisdn> numbers) {}

  /** A single writer thread, so the chunks it writes keep their order. */
  static ExecutorService writer(String name) {
    return Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name).daemon().factory());
  }

  static Set<Msisdn> numbersOf(List<Subscriber> subscribers) {
    Set<Msisdn> numbers = new HashSet<>();
    for (Subscriber subscriber : subscribers) {
      numbers.add(subscriber.msisdn());
    }
    return numbers;
  }

  static Set<Msisdn> numbersOf(Deque<Writing> writing) {
    Set<Msisdn> numbers = new HashSet<>();
    for (Writing chunkOnItsWay : writing) {
      numbers.addAll(chunkOnItsWay.numbers());
    }
    return numbers;
  }

  /** Waits for a step of a chunk; its failure is the run's. */
  static void await(Future<?> writing) {
    if (writing == null) {
      return;
    }
    try {
      writing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the billing run wrote a chunk", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("the billing run failed to write a chunk", e.getCause());
    }
  }
}
