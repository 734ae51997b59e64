-- Durable timers (org.telco.time.Timer), written by org.telco.storage.time.PgTimerStore and
-- by other stores in their own transactions, such as the ledger's pending-transfer expiries.
--
-- A fired timer keeps its row with fired_at set, so scheduling the same id again (a retried
-- commit, a replay) does not bring it back. attempts counts postponements after failures.
CREATE TABLE timer (
  id       text        PRIMARY KEY,
  kind     text        NOT NULL,
  payload  text        NOT NULL,
  due_at   timestamptz NOT NULL,
  fired_at timestamptz,
  attempts int         NOT NULL DEFAULT 0
);

-- The poller's query: unfired timers by due time. Fired rows drop out of the index.
CREATE INDEX timer_due ON timer (due_at, id) WHERE fired_at IS NULL;
