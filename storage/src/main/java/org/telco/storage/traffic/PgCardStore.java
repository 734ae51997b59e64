package org.telco.storage.traffic;

import static org.telco.storage.traffic.TrafficRows.CARD_COLUMNS;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.telco.storage.Timestamps;
import org.telco.subscriber.Msisdn;
import org.telco.traffic.CardId;
import org.telco.traffic.CardState;
import org.telco.traffic.CardStore;
import org.telco.traffic.PurchaseId;
import org.telco.traffic.TrafficCard;

/**
 * The durable {@link CardStore}: table {@code traffic_card} (V019).
 *
 * <p>It behaves like {@link org.telco.traffic.InMemoryCardStore}, with the database deciding the
 * races. A create is an {@code INSERT ... ON CONFLICT DO NOTHING} that the unique purchase id
 * refuses for a purchase with a card already; the statement that reads that card runs after the
 * insert, so it sees what a rival committed. A bind is an {@code UPDATE ... WHERE state =
 * 'UNBOUND'}: of two binds the one that waits for the other finds the card bound and changes
 * nothing.
 */
public final class PgCardStore implements CardStore {
  private static final String CREATE =
      """
      INSERT INTO traffic_card (%s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING
      """
          .formatted(CARD_COLUMNS);
  private static final String FIND =
      "SELECT %s FROM traffic_card WHERE id = ?".formatted(CARD_COLUMNS);
  private static final String OF_PURCHASE =
      "SELECT %s FROM traffic_card WHERE purchase_id = ?".formatted(CARD_COLUMNS);
  private static final String MOVE = "UPDATE traffic_card SET state = ? WHERE id = ? AND state = ?";
  private static final String BIND =
      """
      UPDATE traffic_card SET state = 'BOUND', bound_to = ?, designated = ?, bound_at = ?
      WHERE id = ? AND state = 'UNBOUND'
      """;
  private static final String BOUGHT_BY =
      """
      SELECT %s FROM traffic_card WHERE purchaser = ?
      ORDER BY created_at DESC, id COLLATE "C"
      """
          .formatted(CARD_COLUMNS);

  private final Transactions db;

  /** A store on the migrated database behind {@code dataSource}. */
  public PgCardStore(DataSource dataSource) {
    this.db = new Transactions(dataSource);
  }

  @Override
  public TrafficCard create(TrafficCard card) {
    if (card.state() != CardState.PENDING) {
      throw new IllegalArgumentException("a card starts PENDING");
    }
    return db.autoCommit(
        "create card " + card.id(),
        connection -> {
          if (Transactions.update(connection, CREATE, s -> TrafficRows.bindCard(s, card)) == 1) {
            return card;
          }
          return Transactions.list(
                  connection,
                  OF_PURCHASE,
                  s -> s.setString(1, card.purchaseId().value()),
                  TrafficRows::card)
              .stream()
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("card number drawn twice: " + card.id()));
        });
  }

  @Override
  public Optional<TrafficCard> find(CardId id) {
    return db.one("read card " + id, FIND, s -> s.setString(1, id.value()), TrafficRows::card);
  }

  @Override
  public Optional<TrafficCard> ofPurchase(PurchaseId id) {
    return db.one(
        "read the card of purchase " + id,
        OF_PURCHASE,
        s -> s.setString(1, id.value()),
        TrafficRows::card);
  }

  @Override
  public boolean move(CardId id, CardState from, CardState to) {
    if (to == CardState.BOUND) {
      throw new IllegalArgumentException("bind a card with bind()");
    }
    if (from == CardState.BOUND) {
      throw new IllegalArgumentException("a bound card stays bound: " + id);
    }
    return db.update(
            "move card " + id,
            MOVE,
            s -> {
              s.setString(1, to.name());
              s.setString(2, id.value());
              s.setString(3, from.name());
            })
        == 1;
  }

  @Override
  public boolean bind(CardId id, Msisdn user, boolean designated, Instant at) {
    return db.update(
            "bind card " + id,
            BIND,
            s -> {
              s.setString(1, user.digits());
              s.setBoolean(2, designated);
              Timestamps.set(s, 3, at);
              s.setString(4, id.value());
            })
        == 1;
  }

  @Override
  public List<TrafficCard> boughtBy(Msisdn purchaser) {
    return db.list(
        "list the cards bought by " + purchaser,
        BOUGHT_BY,
        s -> s.setString(1, purchaser.digits()),
        TrafficRows::card);
  }
}
