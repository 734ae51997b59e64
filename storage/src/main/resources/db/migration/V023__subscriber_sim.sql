-- Which SIM (IMSI) each number uses (SimDirectory), so that the charging function can find the
-- subscriber an SMF names only by its SUPI imsi-<digits>. One SIM per number (the primary key: a
-- new SIM replaces the row) and one number per SIM (the unique index refuses a SIM that already
-- serves another number). The API gives SIMs to subscribers only, so there is no foreign key; a
-- number that leaves keeps its row, and its SIM stays taken, until the number gets another SIM.
CREATE TABLE subscriber_sim (
  msisdn      text        PRIMARY KEY CHECK (msisdn ~ '^[1-9][0-9]{7,14}$'),
  imsi        text        NOT NULL UNIQUE CHECK (imsi ~ '^[0-9]{5,15}$'),
  assigned_at timestamptz NOT NULL
);
