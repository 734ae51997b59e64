package org.telco.phone.autopay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutopayJournalTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path folder;

  @Test
  void anUnfinishedRunIsResumedWithItsIdAndWhatItPaid() throws Exception {
    Path file = folder.resolve("contacts.vcf.autopay.jsonl");
    String runId;
    try (AutopayJournal first = AutopayJournal.open(file, clock)) {
      runId = first.runId();
      assertThat(first.resumed()).isFalse();
      first.intend(payment("ap-1", "8613800000001", 500, "preset"));
      first.paid("ap-1");
      first.intend(payment("ap-2", "8613800000001", 800, "plan-800")); // the answer is lost
    }

    try (AutopayJournal again = AutopayJournal.open(file, clock)) {
      assertThat(again.resumed()).isTrue();
      assertThat(again.runId()).isEqualTo(runId);
      assertThat(again.paymentsTo("8613800000001"))
          .extracting(JournalPayment::paymentId, JournalPayment::landed)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("ap-1", true),
              org.assertj.core.groups.Tuple.tuple("ap-2", false));
      assertThat(again.committedFen()).as("an unanswered payment may have landed").isEqualTo(1_300);
      again.intend(payment("ap-2", "8613800000001", 800, "plan-800")); // sent again: logged once
      again.refunded("ap-1", 500);
      again.finish();
    }

    try (AutopayJournal next = AutopayJournal.open(file, clock)) {
      assertThat(next.resumed()).isFalse();
      assertThat(next.runId()).isNotEqualTo(runId);
      assertThat(next.paymentsTo("8613800000001")).isEmpty();
      assertThat(next.committedFen()).isZero();
    }
    assertThat(Files.readAllLines(file))
        .filteredOn(line -> line.contains("\"event\":\"intent\""))
        .hasSize(2);
    assertThat(Files.readAllLines(file)).anyMatch(line -> line.contains("\"refundedFen\":500"));
  }

  private static JournalPayment payment(String id, String msisdn, long fen, String step) {
    return new JournalPayment(id, msisdn, "alpha", fen, step, false, 0);
  }

  @Test
  void aDryRunNeitherResumesNorClosesARealRun() throws Exception {
    Path file = folder.resolve("contacts.vcf.autopay.jsonl");
    String runId;
    try (AutopayJournal crashed = AutopayJournal.open(file, clock)) {
      runId = crashed.runId();
      crashed.intend(payment("ap-1", "8613800000001", 500, "preset"));
    }
    long before = Files.size(file);

    try (AutopayJournal dry = AutopayJournal.forDryRun(clock)) {
      assertThat(dry.paymentsTo("8613800000001")).isEmpty();
      dry.finish();
    }

    assertThat(Files.size(file)).isEqualTo(before);
    try (AutopayJournal resumed = AutopayJournal.open(file, clock)) {
      assertThat(resumed.runId()).isEqualTo(runId);
    }
  }
}
