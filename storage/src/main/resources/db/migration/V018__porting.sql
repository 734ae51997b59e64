-- Number portability at the clearinghouse (flow F4, org.telco.porting), written by
-- org.telco.storage.porting.PgPortingStore. Every node's database has these tables; only the
-- clearinghouse writes them.
--
-- The donor's latest result per number ("pre-stored result"): a newer deposit replaces the row
-- and clears used. A verification that matches sets used, once, by a compare-and-set on the
-- deposit's nonce, so of two racing verifications one wins.
CREATE TABLE porting_deposit (
  msisdn       text        PRIMARY KEY,
  donor        text        NOT NULL,
  nonce        bytea       NOT NULL CHECK (length(nonce) BETWEEN 16 AND 64),
  proof        bytea       NOT NULL CHECK (length(proof) = 32),
  deposited_at timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL CHECK (expires_at > deposited_at),
  used         boolean     NOT NULL DEFAULT false
);

-- Wrong results per number, counted over the lockout window. Only appended.
CREATE TABLE porting_failure (
  msisdn text        NOT NULL,
  at     timestamptz NOT NULL
);
CREATE INDEX porting_failure_recent ON porting_failure (msisdn, at);

-- A port request: its parties, where it stands, and the donor's credit report once it came.
-- steps counts its history rows; a step is a compare-and-set on (state, steps) followed by the
-- new history rows, in one transaction.
CREATE TABLE port_request (
  id                  text        PRIMARY KEY,
  msisdn              text        NOT NULL,
  donor               text        NOT NULL,
  recipient           text        NOT NULL CHECK (recipient <> donor),
  state               text        NOT NULL CHECK (state IN ('REQUESTED', 'VERIFIED',
                        'CREDIT_CHECKED', 'ACCEPTED', 'SETTLED', 'COMPLETED', 'REJECTED', 'EXPIRED')),
  steps               integer     NOT NULL CHECK (steps >= 1),
  requested_at        timestamptz NOT NULL,
  arrears_fen         bigint      CHECK (arrears_fen >= 0),
  advances_fen        bigint      CHECK (advances_fen >= 0),
  lock_in_until       timestamptz,
  early_termination_fen bigint    CHECK (early_termination_fen >= 0),
  balance_fen         bigint      CHECK (balance_fen >= 0),
  tenure_days         bigint      CHECK (tenure_days >= 0),
  CHECK ((arrears_fen IS NULL) = (tenure_days IS NULL))
);

-- One open request per number: the index refuses a second while the first is under way.
CREATE UNIQUE INDEX port_request_one_open ON port_request (msisdn)
  WHERE state NOT IN ('COMPLETED', 'REJECTED', 'EXPIRED');
CREATE INDEX port_request_state ON port_request (state, requested_at);
CREATE INDEX port_request_donor ON port_request (donor, requested_at);
CREATE INDEX port_request_recipient ON port_request (recipient, requested_at);

-- Each state a request reached, with its time and, for an ending without a port, why.
CREATE TABLE port_step (
  request_id text        NOT NULL REFERENCES port_request (id),
  seq        integer     NOT NULL CHECK (seq >= 0),
  state      text        NOT NULL,
  at         timestamptz NOT NULL,
  rejection  text,
  PRIMARY KEY (request_id, seq)
);

-- The routing database (flow F4): where each ported number is served now. routing_change is
-- the log every operator replays, one row per port, versions consecutive from 1 (the single
-- row of routing_version hands them out under its lock, so no version is skipped or taken
-- twice); routing_record is the latest change per number, what a lookup reads.
CREATE TABLE routing_version (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version  bigint  NOT NULL CHECK (version >= 0)
);
INSERT INTO routing_version (version) VALUES (0);

-- repatriated: the number went back to the operator whose range holds it, so the change removes
-- its record instead of naming a recipient.
CREATE TABLE routing_change (
  version     bigint      PRIMARY KEY CHECK (version >= 1),
  msisdn      text        NOT NULL,
  operator    text        NOT NULL,
  port_id     text        NOT NULL UNIQUE,
  repatriated boolean     NOT NULL,
  at          timestamptz NOT NULL
);

CREATE TABLE routing_record (
  msisdn   text   PRIMARY KEY,
  operator text   NOT NULL,
  version  bigint NOT NULL REFERENCES routing_change (version)
);
CREATE INDEX routing_change_msisdn ON routing_change (msisdn);

-- The donor's porting holds (org.telco.porting.PortingHold): a porting lock, the last SIM
-- swap, a contract lock-in with its early-termination amount. A number without a row has none.
CREATE TABLE porting_hold (
  msisdn                text        PRIMARY KEY,
  locked                boolean     NOT NULL,
  sim_swapped_at        timestamptz,
  lock_in_until         timestamptz,
  early_termination_fen bigint      NOT NULL CHECK (early_termination_fen >= 0),
  CHECK (lock_in_until IS NOT NULL OR early_termination_fen = 0)
);
