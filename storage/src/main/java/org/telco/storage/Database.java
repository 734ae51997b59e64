package org.telco.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A pooled connection to Telco's PostgreSQL database, with its schema migrated to the newest
 * version.
 *
 * <p>Opening it runs the Flyway migrations in {@code classpath:db/migration}, so a store built on
 * {@link #dataSource()} always finds the tables it expects. Connections come from a HikariCP pool;
 * close the database to close the pool.
 */
public final class Database implements AutoCloseable {
  /** Pool size when none is given: a few shard writers, the timer poller and queries. */
  public static final int POOL_SIZE_DEFAULT = 16;

  /**
   * Every prepared statement keeps one plan, made without its parameters' values. By default
   * PostgreSQL plans a statement again for each execution while that looks cheaper than the one
   * plan, and for the writes that bind whole columns as arrays ({@code unnest(?::bigint[])}, the
   * ledger's commits and the session journal's) it always does: a plan for five rows looks cheaper
   * than one for the hundred it assumes without the values. Measured on the Nchf benchmark, that
   * planning was a fifth of PostgreSQL's CPU. The statements are keyed lookups and batch writes,
   * whose plan does not depend on the values.
   */
  static final String PLAN_CACHE_MODE = "force_generic_plan";

  private final HikariDataSource pool;

  private Database(HikariDataSource pool) {
    this.pool = pool;
  }

  /** Opens a pool of {@link #POOL_SIZE_DEFAULT} connections and migrates the schema. */
  public static Database open(String jdbcUrl, String user, String password) {
    return open(jdbcUrl, user, password, POOL_SIZE_DEFAULT);
  }

  /** Opens a pool of at most {@code poolSize} connections and migrates the schema. */
  public static Database open(String jdbcUrl, String user, String password, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(Math.min(2, poolSize));
    config.setPoolName("telco-db");
    config.addDataSourceProperty("options", "-c plan_cache_mode=" + PLAN_CACHE_MODE);
    HikariDataSource pool = new HikariDataSource(config);
    try {
      Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(pool);
  }

  /** Where stores get their connections. */
  public DataSource dataSource() {
    return pool;
  }

  /** Closes the pool; connections in use are closed when returned. */
  @Override
  public void close() {
    pool.close();
  }
}
