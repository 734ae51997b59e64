package org.telco.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Items submitted together are written in batches, each caller answered after its batch. */
class GroupCommitTest {
  @Test
  void itemsWaitingTogetherShareOneWriteAndEachGetsItsOwnResult() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    try (GroupCommit<Integer, Integer> commit =
        new GroupCommit<>(
            "test",
            1,
            100,
            batch -> {
              await(holding);
              batchSizes.add(batch.size());
              return batch.stream().map(i -> i * 10).toList();
            })) {
      List<CompletableFuture<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        futures.add(commit.submit(i));
      }
      holding.countDown();
      for (int i = 0; i < 50; i++) {
        assertThat(futures.get(i).join()).isEqualTo(i * 10);
      }
    }
    assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(50);
    assertThat(batchSizes.size()).as("fewer writes than items").isLessThan(50);
  }

  @Test
  void aFailedWriteFailsEveryItemOfItsBatch() {
    try (GroupCommit<String, String> commit =
        new GroupCommit<>(
            "failing",
            1,
            10,
            batch -> {
              throw new IllegalStateException("disk full");
            })) {
      assertThatThrownBy(() -> commit.submit("a").join())
          .isInstanceOf(CompletionException.class)
          .hasRootCauseMessage("disk full");
    }
  }

  @Test
  void nothingIsTakenAfterClose() {
    GroupCommit<String, String> commit = new GroupCommit<>("closed", 2, 10, batch -> batch);
    commit.close();
    assertThatThrownBy(() -> commit.submit("late").join()).isInstanceOf(CompletionException.class);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
