package org.telco.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.BindType;
import org.jsmpp.extra.NegativeResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.sms.smpp.TestEsme;
import org.telco.storage.EmbeddedPostgres;
import org.telco.storage.PostgresForTests;

/**
 * The SMS acceptance point "kill -9 during traffic, restart: every message that got a
 * submit_sm_resp is delivered exactly once". Several jSMPP transmitters submit distinct texts to
 * alpha's subscribers from several threads; alpha gets SIGKILL once at least {@value #KILL_AFTER}
 * submits were answered, and starts again over the same database. Every answered message must then
 * be in its handset's inbox exactly once, under the id its submit_sm_resp carried, and DELIVERED; a
 * message that got no answer may be there, but at most once.
 */
class SmsCrashRecoveryIT {
  private static final int KILL_AFTER = 1_000;
  private static final int SESSIONS = 6;
  private static final int THREADS_PER_SESSION = 3;
  private static final int RECIPIENTS = 10;
  private static final String SOURCE = "95588";

  /** What a submit_sm_resp acknowledged: the message id and where the text went. */
  private record Ack(String id, String to) {}

  private final EmbeddedPostgres server = PostgresForTests.server();
  private final String database = "smscrash_" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> recipients = new ArrayList<>();
  private Path dataDirectory;
  private ChildNode node;

  @AfterEach
  void cleanUp() throws InterruptedException {
    if (node != null) {
      node.killNine();
    }
    if (dataDirectory != null) {
      PostgresForTests.deleteTree(dataDirectory);
    }
  }

  @Test
  void everyAcknowledgedSubmitIsDeliveredExactlyOnceAfterKillNine() throws Exception {
    server.ensureDatabase(database + "_alpha");
    dataDirectory = Files.createTempDirectory("telco-smscrash");
    node =
        new ChildNode(
            server,
            database,
            dataDirectory,
            PostgresForTests.freePort(),
            PostgresForTests.freePort());
    node.start(1);
    createSubscribers(node.credential("adminApiKey"));

    Map<String, Ack> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger submitted = new AtomicInteger();
    List<TestEsme> esmes = new ArrayList<>();
    for (int s = 0; s < SESSIONS; s++) {
      esmes.add(
          TestEsme.bind(
              node.smppPort(),
              BindType.BIND_TX,
              node.credential("smppSystemId"),
              node.credential("smppPassword")));
    }
    AtomicBoolean loading = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(SESSIONS * THREADS_PER_SESSION);
    for (int c = 0; c < SESSIONS * THREADS_PER_SESSION; c++) {
      int client = c;
      TestEsme esme = esmes.get(c / THREADS_PER_SESSION);
      clients.submit(() -> load(esme, client, acknowledged, submitted, loading));
    }
    ChildNode.waitUntil(() -> acknowledged.size() >= KILL_AFTER, 120);
    node.killNine();
    loading.set(false);
    clients.shutdown();
    assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    esmes.forEach(TestEsme::close);
    int answeredBeforeKill = acknowledged.size();
    long leftToRoute;
    try (Connection db = connect()) {
      leftToRoute =
          count(db, "SELECT count(*) FROM sms_message WHERE state = 'ACCEPTED'", Set.of());
    }

    node.start(2);

    try (Connection db = connect()) {
      awaitSettled(db, acknowledged.keySet());
      int delivered = assertInboxesHoldEachAcknowledgedOnce(db, acknowledged);
      assertMessagesDelivered(db, acknowledged);
      System.out.printf(
          "SmsCrashRecoveryIT: %d submitted, %d acknowledged before kill -9, %d left to route"
              + " at the kill, %d crash texts in inboxes after restart%n",
          submitted.get(), answeredBeforeKill, leftToRoute, delivered);
    }
    assertInboxApiAgrees(node.credential("partnerApiKey"), acknowledged);
  }

  private void load(
      TestEsme esme,
      int client,
      Map<String, Ack> acknowledged,
      AtomicInteger submitted,
      AtomicBoolean loading) {
    for (int n = 0; loading.get(); n++) {
      String text = "crash-" + client + "-" + n;
      String to = recipients.get((client + n) % recipients.size());
      submitted.incrementAndGet();
      try {
        String id = esme.submit(SOURCE, to, text, false);
        acknowledged.put(text, new Ack(id, to));
      } catch (NegativeResponseException refused) {
        // refused (such as throttled): not acknowledged, and so not owed
      } catch (Exception connectionLost) {
        return;
      }
    }
  }

  private void createSubscribers(String adminKey) {
    for (int i = 0; i < RECIPIENTS; i++) {
      String msisdn = "86138000050%02d".formatted(i);
      Http.Response created =
          Http.post(
              node.url() + "/api/v1/subscribers",
              adminKey,
              "{\"msisdn\":\""
                  + msisdn
                  + "\",\"planId\":\"basic\",\"servicePassword\":\"Qw9-zx81\"}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      recipients.add(msisdn);
    }
  }

  /**
   * Waits until every acknowledged text is in an inbox and nothing is left to route (messages
   * stored but never answered are routed too); on timeout the assertions that follow say what is
   * missing.
   */
  private static void awaitSettled(Connection db, Set<String> texts) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      long inInbox =
          count(db, "SELECT count(DISTINCT body) FROM handset_message WHERE body = ANY (?)", texts);
      long toRoute =
          count(db, "SELECT count(*) FROM sms_message WHERE state = 'ACCEPTED'", Set.of());
      if (inInbox == texts.size() && toRoute == 0) {
        return;
      }
      Thread.sleep(200);
    }
  }

  /** Returns how many crash texts the inboxes hold. */
  private static int assertInboxesHoldEachAcknowledgedOnce(Connection db, Map<String, Ack> acked)
      throws SQLException {
    Set<String> ids = new HashSet<>();
    acked.values().forEach(ack -> ids.add(ack.id()));
    assertThat(ids).as("distinct message ids in the submit_sm_resps").hasSize(acked.size());

    Map<String, List<String>> idsByText =
        rows(
            db,
            "SELECT body, id, recipient FROM handset_message WHERE body LIKE 'crash-%' ORDER BY seq");
    idsByText.forEach((text, rowIds) -> assertThat(rowIds).as("inbox rows of %s", text).hasSize(1));
    for (Map.Entry<String, Ack> ack : acked.entrySet()) {
      assertThat(idsByText.get(ack.getKey()))
          .as("inbox rows of acknowledged %s", ack.getKey())
          .containsExactly(ack.getValue().id() + " " + ack.getValue().to());
    }
    return idsByText.size();
  }

  private static void assertMessagesDelivered(Connection db, Map<String, Ack> acked)
      throws SQLException {
    Map<String, List<String>> byText =
        rows(
            db,
            "SELECT body, id, state || ' ' || coalesce(route, '-') FROM sms_message"
                + " WHERE body LIKE 'crash-%' ORDER BY seq");
    byText.forEach((text, rowIds) -> assertThat(rowIds).as("messages of %s", text).hasSize(1));
    for (Map.Entry<String, Ack> ack : acked.entrySet()) {
      assertThat(byText.get(ack.getKey()))
          .as("message of acknowledged %s", ack.getKey())
          .containsExactly(ack.getValue().id() + " DELIVERED handset");
    }
  }

  /** The handset's own view, through the partner API, agrees with the tables. */
  private void assertInboxApiAgrees(String partnerKey, Map<String, Ack> acked) {
    for (String msisdn : recipients) {
      JsonNode inbox =
          Http.get(node.url() + "/api/v1/handsets/" + msisdn + "/inbox?limit=1000", partnerKey)
              .json();
      assertThat(inbox.size()).as("inbox of %s fits one page", msisdn).isLessThan(1000);
      List<String> shown = new ArrayList<>();
      Map<String, String> idOfText = new HashMap<>();
      for (JsonNode message : inbox) {
        shown.add(message.get("text").asText());
        idOfText.put(message.get("text").asText(), message.get("id").asText());
      }
      assertThat(shown).as("inbox of %s", msisdn).doesNotHaveDuplicates();
      acked.forEach(
          (text, ack) -> {
            if (ack.to().equals(msisdn)) {
              assertThat(idOfText.get(text))
                  .as("%s in the inbox of %s", text, msisdn)
                  .isEqualTo(ack.id());
            }
          });
    }
  }

  /** Rows of (key, a, b) as key to its list of "a b", in row order. */
  private static Map<String, List<String>> rows(Connection db, String sql) throws SQLException {
    Map<String, List<String>> byKey = new HashMap<>();
    try (PreparedStatement query = db.prepareStatement(sql);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        byKey
            .computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
            .add(rows.getString(2) + " " + rows.getString(3));
      }
    }
    return byKey;
  }

  private static long count(Connection db, String sql, Set<String> texts) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      if (sql.contains("?")) {
        query.setArray(1, db.createArrayOf("text", texts.toArray()));
      }
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        server.jdbcUrl(database + "_alpha"), server.user(), server.password());
  }
}
