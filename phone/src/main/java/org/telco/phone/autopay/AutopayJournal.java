package org.telco.phone.autopay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent's log of every payment and refund, one JSON object per line, forced to disk before the
 * network is asked: a payment's intent (id, number, amount, step) is written before it is sent,
 * then whether it landed, and each refund. It is also what makes a re-run after a crash safe: an
 * unfinished run is resumed with its id, so its payments get the same ids again and the network
 * pays each once, and the caps count what the run already paid.
 */
public final class AutopayJournal implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FileChannel out; // null for a dry run
  private final Clock clock;
  private final String runId;
  private final boolean resumed;
  private final Map<String, JournalPayment> payments = new LinkedHashMap<>();
  private final Set<String> refused = new HashSet<>();

  private AutopayJournal(FileChannel out, Clock clock, String runId, boolean resumed) {
    this.out = out;
    this.clock = clock;
    this.runId = runId;
    this.resumed = resumed;
  }

  /**
   * Opens the journal at {@code file}, creating it if needed, and resumes its last run if that run
   * did not finish; otherwise starts a new run.
   */
  public static AutopayJournal open(Path file, Clock clock) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          lines.add(JSON.readTree(line));
        }
      }
    }
    String last = lines.isEmpty() ? null : lines.getLast().path("run").asText(null);
    boolean unfinished = last != null && !"finish".equals(lines.getLast().path("event").asText());
    String runId = unfinished ? last : newRunId(clock);
    FileChannel out =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    AutopayJournal journal = new AutopayJournal(out, clock, runId, unfinished);
    if (unfinished) {
      lines.stream().filter(l -> runId.equals(l.path("run").asText())).forEach(journal::replay);
    } else {
      journal.append(journal.event("start"));
    }
    return journal;
  }

  /**
   * A journal that keeps nothing, for a dry run: a dry run pays nothing, and it must neither resume
   * nor close a real run that a crash left open, or that run's next attempt would get new payment
   * ids.
   */
  public static AutopayJournal forDryRun(Clock clock) {
    return new AutopayJournal(null, clock, "dry-run", false);
  }

  /** This run's id; payment ids are derived from it. */
  public String runId() {
    return runId;
  }

  /** Whether this run continues one that was cut short. */
  public boolean resumed() {
    return resumed;
  }

  /** Records that a payment is about to be sent. */
  public void intend(JournalPayment payment) {
    if (payments.putIfAbsent(payment.paymentId(), payment) == null) {
      ObjectNode line = event("intent");
      line.put("payment", payment.paymentId());
      line.put("msisdn", payment.msisdn());
      line.put("operator", payment.operatorId());
      line.put("amountFen", payment.amountFen());
      line.put("step", payment.step());
      append(line);
    }
  }

  /** Records that the network holds the payment. */
  public void paid(String paymentId) {
    payments.computeIfPresent(paymentId, (id, p) -> p.asLanded());
    ObjectNode line = event("paid");
    line.put("payment", paymentId);
    append(line);
  }

  /** Records that the network refused the payment: it certainly did not land. */
  public void refused(String paymentId) {
    refused.add(paymentId);
    ObjectNode line = event("refused");
    line.put("payment", paymentId);
    append(line);
  }

  /**
   * Whether some payment of this run was sent and never answered: it may have landed, so the run
   * must not be closed, and the next start resumes it with the same payment ids.
   */
  public boolean hasUnanswered() {
    return payments.values().stream()
        .anyMatch(p -> !p.landed() && !refused.contains(p.paymentId()));
  }

  /** Records a refund of the payment. */
  public void refunded(String paymentId, long refundedFen) {
    payments.computeIfPresent(paymentId, (id, p) -> p.withRefunded(refundedFen));
    ObjectNode line = event("refund");
    line.put("payment", paymentId);
    line.put("refundedFen", refundedFen);
    append(line);
  }

  /** Records that the run is over; the next open starts a new run. */
  public void finish() {
    append(event("finish"));
  }

  /** This run's payments to {@code msisdn}, in the order they were intended. */
  public List<JournalPayment> paymentsTo(String msisdn) {
    return payments.values().stream().filter(p -> p.msisdn().equals(msisdn)).toList();
  }

  /**
   * What this run may have paid: every intended payment counts, since one whose answer was lost may
   * have landed.
   */
  public long committedFen() {
    return payments.values().stream().mapToLong(JournalPayment::amountFen).sum();
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
    }
  }

  private void replay(JsonNode line) {
    switch (line.path("event").asText()) {
      case "intent" ->
          payments.put(
              line.path("payment").asText(),
              new JournalPayment(
                  line.path("payment").asText(),
                  line.path("msisdn").asText(),
                  line.path("operator").asText(),
                  line.path("amountFen").asLong(),
                  line.path("step").asText(),
                  false,
                  0));
      case "paid" ->
          payments.computeIfPresent(line.path("payment").asText(), (id, p) -> p.asLanded());
      case "refused" -> refused.add(line.path("payment").asText());
      case "refund" ->
          payments.computeIfPresent(
              line.path("payment").asText(),
              (id, p) -> p.withRefunded(line.path("refundedFen").asLong()));
      default -> {}
    }
  }

  private ObjectNode event(String name) {
    ObjectNode line = JSON.createObjectNode();
    line.put("run", runId);
    line.put("event", name);
    line.put("at", clock.instant().toString());
    return line;
  }

  private void append(ObjectNode line) {
    if (out == null) {
      return;
    }
    try {
      ByteBuffer bytes =
          ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
      out.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the autopay journal", e);
    }
  }

  private static String newRunId(Clock clock) {
    byte[] random = new byte[3];
    new SecureRandom().nextBytes(random);
    return clock.instant().getEpochSecond() + "-" + HexFormat.of().formatHex(random);
  }
}
