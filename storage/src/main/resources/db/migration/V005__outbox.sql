-- The transactional outbox (org.telco.outbox.OutboxMessage), written by
-- org.telco.storage.outbox.PgOutbox and by other stores inside their own transactions, so a
-- state change and the messages it calls for commit together. The OutboxRelay delivers them.
--
-- seq is the enqueue order. Messages of one topic are delivered in seq order: an undelivered
-- message whose next attempt is still to come holds back the later messages of its topic.
-- A delivered message keeps its row with delivered_at set, so enqueuing the same id again (a
-- retried commit, a replay) does not send it twice. attempts counts failed deliveries and
-- last_error keeps the latest failure for operators.
CREATE TABLE outbox (
  id              text        PRIMARY KEY,
  seq             bigint      GENERATED ALWAYS AS IDENTITY,
  topic           text        NOT NULL,
  payload         text        NOT NULL,
  created_at      timestamptz NOT NULL,
  attempts        int         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL,
  delivered_at    timestamptz,
  last_error      text
);

-- The relay's query: undelivered messages in enqueue order. Delivered rows drop out.
CREATE INDEX outbox_pending ON outbox (seq) WHERE delivered_at IS NULL;
