-- The ledger's committed state, written by org.telco.storage.ledger.PgLedgerStore.
--
-- Flag sets are int bitmasks: the enum constant with ordinal n is in the set when bit n
-- (value 1 << n) is set. Enum constants may therefore only ever be appended, never reordered.
--   ledger_account.flags  (AccountFlag):  1 = DEBITS_MUST_NOT_EXCEED_CREDITS,
--                                          2 = CREDITS_MUST_NOT_EXCEED_DEBITS
--   ledger_transfer.flags (TransferFlag): 1 = LINKED, 2 = PENDING, 4 = POST_PENDING,
--                                          8 = VOID_PENDING
-- Assets are stored by enum name (CNY_FEN, DATA_BYTES); amounts and balances are in the
-- asset's smallest unit. Timestamps keep microseconds, the resolution of timestamptz.
--
-- There are no foreign keys from transfers to accounts: the ledger has checked every
-- transfer before it is written, and a key check costs a trigger call and a lookup per row.

-- Balances are rewritten on every commit that touches an account; the spare room per page
-- (fillfactor) lets PostgreSQL update them in place (HOT) without touching the index.
CREATE TABLE ledger_account (
  id              bigint PRIMARY KEY,
  asset           text        NOT NULL,
  flags           int         NOT NULL,
  name            text        NOT NULL,
  debits_pending  bigint      NOT NULL CHECK (debits_pending >= 0),
  debits_posted   bigint      NOT NULL CHECK (debits_posted >= 0),
  credits_pending bigint      NOT NULL CHECK (credits_pending >= 0),
  credits_posted  bigint      NOT NULL CHECK (credits_posted >= 0),
  created_at      timestamptz NOT NULL
) WITH (fillfactor = 80);

-- Transfers are append-only. seq is the commit order: load() replays by it and
-- transfersOf() returns newest first by it. The sequence is not cached per session, so seq
-- grows with commit order whichever pooled connection a commit uses.
CREATE TABLE ledger_transfer (
  seq               bigint GENERATED ALWAYS AS IDENTITY,
  id                text        PRIMARY KEY,
  debit_account_id  bigint      NOT NULL,
  credit_account_id bigint      NOT NULL,
  amount            bigint      NOT NULL CHECK (amount > 0),
  pending_id        text,
  flags             int         NOT NULL,
  timeout_seconds   bigint      NOT NULL,
  code              int         NOT NULL,
  asset             text        NOT NULL,
  ts                timestamptz NOT NULL
);

-- load() reads every transfer in seq order through this index instead of sorting millions.
CREATE UNIQUE INDEX ledger_transfer_seq ON ledger_transfer (seq);

-- transfersOf(): the newest transfers debiting, and those crediting, one account.
CREATE INDEX ledger_transfer_debit ON ledger_transfer (debit_account_id, seq);
CREATE INDEX ledger_transfer_credit ON ledger_transfer (credit_account_id, seq);
