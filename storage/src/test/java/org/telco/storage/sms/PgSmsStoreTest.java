package org.telco.storage.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.messaging.SmsMessage;
import org.telco.sms.MessageState;
import org.telco.sms.Origin;
import org.telco.sms.Settlement;
import org.telco.sms.ShortMessage;
import org.telco.sms.SmsStoreContract;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;
import org.telco.storage.messaging.PgHandsetInbox;

/**
 * The SMS store contract on PostgreSQL, and what only the database store promises: a batch is one
 * statement whatever its size, and the inbox row of a step is written by that statement.
 */
class PgSmsStoreTest extends SmsStoreContract {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123456Z");

  private final AtomicInteger statements = new AtomicInteger();
  private Database database;

  @Override
  protected Subject newSubject() {
    database = PostgresForTests.freshDatabase();
    return new Subject(
        new PgSmsStore(counting(database.dataSource())), new PgHandsetInbox(database.dataSource()));
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void acceptingFourThousandMessagesIsOneStatement() {
    PgSmsStore store = new PgSmsStore(counting(database.dataSource()));
    List<ShortMessage> messages = messages(4_000);
    statements.set(0);

    store.accept(messages);

    assertThat(statements).hasValue(1);
    assertThat(store.toRoute(10_000)).containsExactlyElementsOf(messages);
  }

  @Test
  void settlingAThousandMessagesIntoInboxesIsOneStatement() {
    PgSmsStore store = new PgSmsStore(counting(database.dataSource()));
    List<ShortMessage> messages = messages(1_000);
    store.accept(messages);
    List<Settlement> steps = new ArrayList<>();
    for (ShortMessage message : messages) {
      steps.add(
          new Settlement(message, MessageState.DELIVERED, "handset", T0.plusSeconds(1), true));
    }
    statements.set(0);

    store.settle(steps);

    assertThat(statements).hasValue(1);
    assertThat(store.toRoute(10)).isEmpty();
    PgHandsetInbox inbox = new PgHandsetInbox(database.dataSource());
    assertThat(inbox.messagesFor(messages.get(999).to(), 10)).hasSize(1);
    assertThat(store.find(messages.get(500).id()).orElseThrow().state())
        .isEqualTo(MessageState.DELIVERED);
  }

  @Test
  void anInboxRowThatIsThereAlreadyIsKeptAndTheStepStillApplies() {
    PgSmsStore store = new PgSmsStore(database.dataSource());
    PgHandsetInbox inbox = new PgHandsetInbox(database.dataSource());
    ShortMessage message = messages(1).getFirst();
    SmsMessage earlier =
        new SmsMessage(message.id(), message.from(), message.to(), "earlier", T0.minusSeconds(9));
    inbox.deliver(earlier);
    store.accept(List.of(message));

    store.settle(
        List.of(
            new Settlement(message, MessageState.DELIVERED, "handset", T0.plusSeconds(1), true)));

    assertThat(inbox.messagesFor(message.to(), 10)).containsExactly(earlier);
    assertThat(store.find(message.id()).orElseThrow().state()).isEqualTo(MessageState.DELIVERED);
  }

  private static List<ShortMessage> messages(int count) {
    List<ShortMessage> messages = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String to = "86139%08d".formatted(i);
      messages.add(
          new ShortMessage(
              "bulk:" + i, new Origin.Esme("bank1"), "BANK", to, "code " + i, i % 2 == 0, T0));
    }
    return messages;
  }

  /** {@code dataSource}, counting the statements prepared on its connections. */
  private DataSource counting(DataSource dataSource) {
    InvocationHandler dataSourceCalls =
        (proxy, method, args) -> {
          Object result = method.invoke(dataSource, args);
          return result instanceof Connection connection ? countingConnection(connection) : result;
        };
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, dataSourceCalls);
  }

  private Connection countingConnection(Connection connection) {
    InvocationHandler connectionCalls =
        (proxy, method, args) -> {
          if (method.getName().startsWith("prepare")
              || method.getName().equals("createStatement")) {
            statements.incrementAndGet();
          }
          return method.invoke(connection, args);
        };
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, connectionCalls);
  }
}
