-- Payments and refunds (org.telco.payment), written by
-- org.telco.storage.payment.PgPaymentStore.
--
-- The payment id is the client's idempotency key (the primary key decides races). Refunds
-- never exceed their payment: refunded_fen is raised by a guarded UPDATE
-- (refunded_fen + amount <= amount_fen) under the payment row's lock, and the CHECK below
-- backs it up. Channels are stored by enum name; timestamps keep microseconds.
CREATE TABLE payment (
  id           text        PRIMARY KEY,
  msisdn       text        NOT NULL,
  amount_fen   bigint      NOT NULL CHECK (amount_fen > 0),
  payer        text        NOT NULL,
  channel      text        NOT NULL,
  received_at  timestamptz NOT NULL,
  refunded_fen bigint      NOT NULL DEFAULT 0
                           CHECK (refunded_fen >= 0 AND refunded_fen <= amount_fen)
);

-- A refund id is unique within its payment; seq keeps the order refunds were recorded in.
CREATE TABLE refund (
  seq        bigint      GENERATED ALWAYS AS IDENTITY,
  payment_id text        NOT NULL REFERENCES payment (id),
  refund_id  text        NOT NULL,
  amount_fen bigint      NOT NULL CHECK (amount_fen > 0),
  at         timestamptz NOT NULL,
  PRIMARY KEY (payment_id, refund_id)
);

CREATE UNIQUE INDEX refund_order ON refund (payment_id, seq);
