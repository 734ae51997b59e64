-- Number-bound payment for input-less devices (flow F3): the devices, their bindings to paying
-- numbers, the purchases charged through them and the BIND attempts of each phone
-- (org.telco.device), written by org.telco.storage.device.PgDeviceStore.
--
-- A device as registered. Its credential is ServicePassword.encoded() of its secret with one
-- PBKDF2 iteration (DeviceCredentials says why one is enough for a random secret). Whether it
-- is bound is not kept here but read from binding, so the two can never disagree.
CREATE TABLE device (
  id            text        PRIMARY KEY CHECK (id ~ '^[A-Z0-9][A-Z0-9-]{3,31}$'),
  data_sim      text        NOT NULL,
  credential    text        NOT NULL,
  registered_at timestamptz NOT NULL
);

-- One row per binding, rewritten once when it ends (ACTIVE -> UNBOUND); a device bound again
-- gets a new row. An unbind names every field of the binding as it was read and applies only
-- if the row still holds them all (compare-and-set). The device keeps only the token's
-- SHA-256 (lower-case hex), never the token. consent_* is the BIND SMS that allowed it, kept
-- as the SMS platform passed it on; it came from the payer. The CHECKs repeat the invariants
-- of the Binding record. Timestamps keep microseconds, the resolution of timestamptz.
CREATE TABLE binding (
  id                  text        PRIMARY KEY,
  device_id           text        NOT NULL REFERENCES device (id),
  payer               text        NOT NULL,
  token_hash          text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  state               text        NOT NULL CHECK (state IN ('ACTIVE', 'UNBOUND')),
  bound_at            timestamptz NOT NULL,
  consent_sms_id      text        NOT NULL,
  consent_text        text        NOT NULL CHECK (length(consent_text) <= 1600),
  consent_from        text        NOT NULL,
  consent_to          text        NOT NULL,
  consent_received_at timestamptz NOT NULL,
  unbound_at          timestamptz,
  unbound_by          text        CHECK (unbound_by IN ('SMS', 'API')),
  CHECK (consent_from = payer),
  CHECK ((unbound_at IS NULL) = (state = 'ACTIVE')),
  CHECK ((unbound_by IS NULL) = (state = 'ACTIVE')),
  CHECK (unbound_at >= bound_at)
);

-- One ACTIVE binding per device, decided by the database: a bind is INSERT ... ON CONFLICT DO
-- NOTHING, which this index refuses just as it refuses a taken id or token hash, so of two
-- BINDs racing for one device exactly one is stored. Ended bindings drop out.
CREATE UNIQUE INDEX binding_one_active ON binding (device_id) WHERE state = 'ACTIVE';

-- A purchase charged through a binding, kept once per device and id: the id is the device's
-- idempotency key, so two devices may use the same one. A retry inserts nothing and is told
-- apart from a conflicting reuse by comparing the stored row. consent_sms_id repeats the
-- binding's consent, so each charge names the SMS it rests on even read on its own.
CREATE TABLE device_purchase (
  device_id      text        NOT NULL REFERENCES device (id),
  id             text        NOT NULL CHECK (id ~ '^[A-Za-z0-9._-]{1,64}$'),
  binding_id     text        NOT NULL REFERENCES binding (id),
  payer          text        NOT NULL,
  item           text        NOT NULL CHECK (length(item) BETWEEN 1 AND 128),
  amount_fen     bigint      NOT NULL CHECK (amount_fen > 0),
  at             timestamptz NOT NULL,
  consent_sms_id text        NOT NULL,
  PRIMARY KEY (device_id, id)
);

-- spentFen(device, from, until): the month's sum for the spend cap, from the index alone.
CREATE INDEX device_purchase_spent ON device_purchase (device_id, at) INCLUDE (amount_fen);

-- Every BIND a phone sent and what came of it: the rate limit counts a phone's recent ones.
-- device_id is what the SMS named, known or not, so it has no foreign key. Rows are only
-- appended; nothing here prunes them yet.
CREATE TABLE bind_attempt (
  serial    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  phone     text        NOT NULL,
  device_id text        NOT NULL,
  sms_id    text        NOT NULL,
  at        timestamptz NOT NULL,
  outcome   text        NOT NULL CHECK (outcome IN ('BOUND', 'ALREADY_BOUND', 'REFUSED')),
  refusal   text,
  CHECK ((refusal IS NULL) = (outcome <> 'REFUSED'))
);

-- attemptsSince(phone, since).
CREATE INDEX bind_attempt_phone ON bind_attempt (phone, at);
