package org.telco.storage.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telco.traffic.TrafficFixtures.ADD_ON;
import static org.telco.traffic.TrafficFixtures.ALICE_FAMILY;
import static org.telco.traffic.TrafficFixtures.race;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telco.storage.Database;
import org.telco.storage.PostgresForTests;
import org.telco.subscriber.Msisdn;
import org.telco.traffic.Bucket;
import org.telco.traffic.BucketState;
import org.telco.traffic.BucketStore;
import org.telco.traffic.BucketStoreContract;
import org.telco.traffic.TrafficFixtures;

/**
 * The bucket store contract on PostgreSQL, plus creates of different owners in one family, which no
 * owner lock serializes: there the partial unique index on live slots refuses a slot taken
 * meanwhile and the create tries the next one.
 */
class PgBucketStoreTest extends BucketStoreContract {
  private Database database;
  private PgBucketStore store;

  @Override
  protected BucketStore newStore() {
    database = PostgresForTests.freshDatabase();
    store = new PgBucketStore(database.dataSource());
    return store;
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void racingCreatesOfDifferentOwnersInOneFamilyNeverShareASlot() throws Exception {
    List<Bucket> created =
        race(
            8,
            i ->
                store
                    .create(
                        TrafficFixtures.newBucket(
                            "purchase:p" + i,
                            new Msisdn("86138000001" + (10 + i)),
                            ALICE_FAMILY,
                            ADD_ON,
                            30,
                            BucketState.ACTIVE))
                    .orElseThrow());

    assertThat(created).extracting(Bucket::slot).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void theSchemaRefusesASecondLiveBucketInOneSlot() {
    store.create(TrafficFixtures.alicesPack("purchase:p1"));

    assertThatThrownBy(
            () ->
                execute(
                    """
                    INSERT INTO traffic_bucket (id, msisdn, family, slot, product_id, kind,
                      volume_bytes, rating_groups, valid_from, valid_until, priority, state)
                    SELECT 'purchase:p2', msisdn, family, slot, product_id, kind, volume_bytes,
                      rating_groups, valid_from, valid_until, 1, 'ACTIVE'
                    FROM traffic_bucket WHERE id = 'purchase:p1'
                    """))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("traffic_bucket_live_slot");
    assertThatThrownBy(() -> execute("UPDATE traffic_bucket SET volume_bytes = 0"))
        .isInstanceOf(SQLException.class);
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
