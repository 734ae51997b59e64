-- Subscribers and their state histories (org.telco.subscriber), written by
-- org.telco.storage.subscriber.PgSubscriberStore.
--
-- Enum values are stored by name. service_password is the PHC-style line of
-- ServicePassword.encoded(): pbkdf2-sha256$<iterations>$<salt>$<derived key>, never the
-- password. version counts stored changes: an update names the version it was read at and
-- is applied only if that is still the stored one (optimistic concurrency).
-- Timestamps keep microseconds, the resolution of timestamptz.

CREATE TABLE subscriber (
  msisdn           text        PRIMARY KEY CHECK (msisdn ~ '^[1-9][0-9]{7,14}$'),
  operator_id      text        NOT NULL,
  plan_id          text        NOT NULL,
  state            text        NOT NULL CHECK (state IN ('ACTIVE', 'BARRED_ARREARS',
                                 'SUSPENDED_VOLUNTARY', 'PORTED_OUT', 'CLOSED')),
  service_password text        NOT NULL,
  money_account    bigint      NOT NULL UNIQUE,
  arrears_account  bigint      NOT NULL UNIQUE,
  created_at       timestamptz NOT NULL,
  next_cycle_at    timestamptz NOT NULL,
  version          bigint      NOT NULL CHECK (version >= 0)
);

-- The billing cycle run's query: subscribers in service by next cycle start.
CREATE INDEX subscriber_due ON subscriber (next_cycle_at, msisdn)
  WHERE state IN ('ACTIVE', 'BARRED_ARREARS', 'SUSPENDED_VOLUNTARY');

-- Append-only history; seq orders one subscriber's entries (changes of one subscriber are
-- serialized by its version check). from_state is NULL only for the SUBSCRIBED entry.
CREATE TABLE subscriber_state_change (
  seq        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  msisdn     text        NOT NULL REFERENCES subscriber (msisdn),
  from_state text,
  to_state   text        NOT NULL,
  reason     text        NOT NULL,
  at         timestamptz NOT NULL
);

CREATE INDEX subscriber_state_change_msisdn ON subscriber_state_change (msisdn, seq);

-- Serials for new subscribers' ledger account families (SubscriberAccounts.subscriberFamily).
CREATE SEQUENCE subscriber_family_serial MINVALUE 0 START WITH 0;
