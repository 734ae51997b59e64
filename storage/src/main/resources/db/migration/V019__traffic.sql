-- Data traffic products and online charging (flow F5, org.telco.traffic and org.telco.charging),
-- written by the stores of org.telco.storage.traffic. Amounts are bigint in bytes or fen; rating
-- groups are Uint32 in bigint; timestamps keep microseconds, the resolution of timestamptz.
--
-- A subscriber's data bucket. Its ledger account is member slot of family; its balance is the
-- ledger's. rating_groups is empty for a general bucket. priority orders the owner's buckets.
CREATE TABLE traffic_bucket (
  id            text        PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 100 AND id !~ '\s'),
  msisdn        text        NOT NULL,
  family        bigint      NOT NULL CHECK (family >= 0),
  slot          integer     NOT NULL CHECK (slot BETWEEN 2 AND 255),
  product_id    text        NOT NULL,
  kind          text        NOT NULL CHECK (kind IN ('BASIC_MONTHLY', 'ADD_ON', 'DIRECTED',
                  'IDLE_TIME', 'TRAFFIC_CARD')),
  volume_bytes  bigint      NOT NULL CHECK (volume_bytes > 0),
  rating_groups bigint[]    NOT NULL CHECK (0 <= ALL (rating_groups)
                  AND 4294967295 >= ALL (rating_groups) AND array_position(rating_groups, NULL) IS NULL),
  idle_start    time,
  idle_end      time,
  valid_from    timestamptz NOT NULL,
  valid_until   timestamptz NOT NULL CHECK (valid_until > valid_from),
  priority      integer     NOT NULL,
  state         text        NOT NULL CHECK (state IN ('PENDING', 'ACTIVE', 'VOIDED', 'EXPIRED')),
  CHECK ((idle_start IS NULL) = (idle_end IS NULL)),
  CHECK (idle_start <> idle_end)
);

-- A slot holds one live bucket: of two creates racing for the lowest free slot of a family, the
-- index refuses the second, which tries the next slot. Ended buckets drop out, so slots are reused.
CREATE UNIQUE INDEX traffic_bucket_live_slot ON traffic_bucket (family, slot)
  WHERE state IN ('PENDING', 'ACTIVE');
CREATE INDEX traffic_bucket_live_owner ON traffic_bucket (msisdn)
  WHERE state IN ('PENDING', 'ACTIVE');
-- endedBefore: the expiry sweep.
CREATE INDEX traffic_bucket_active_until ON traffic_bucket (valid_until, id) WHERE state = 'ACTIVE';

-- A two-phase purchase of a traffic product. steps counts its history rows; a step is a
-- compare-and-set on step followed by one history row, in one transaction.
CREATE TABLE traffic_purchase (
  id          text        PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9._-]{1,64}$'),
  msisdn      text        NOT NULL,
  product_id  text        NOT NULL,
  price_fen   bigint      NOT NULL CHECK (price_fen > 0),
  step        text        NOT NULL CHECK (step IN ('PRE_AUTHENTICATED', 'PRE_DEDUCTED',
                'AUTHENTICATION_CONFIRMED', 'DEDUCTION_CONFIRMED', 'VOIDED')),
  void_reason text        CHECK (void_reason IN ('BALANCE_TOO_LOW', 'PRE_DEDUCTION_FAILED',
                'NO_FREE_BUCKET_SLOT', 'AUTHENTICATION_CONFIRM_FAILED', 'DEDUCTION_CONFIRM_FAILED',
                'ABANDONED')),
  card_id     text,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL CHECK (updated_at >= created_at),
  steps       integer     NOT NULL CHECK (steps >= 1),
  CHECK ((void_reason IS NULL) = (step <> 'VOIDED'))
);

-- abandoned: unfinished purchases by timeout.
CREATE INDEX traffic_purchase_unfinished ON traffic_purchase (expires_at, id)
  WHERE step NOT IN ('DEDUCTION_CONFIRMED', 'VOIDED');

-- Each step a purchase took, in order; detail names the card created or the void reason.
CREATE TABLE traffic_purchase_step (
  purchase_id text        NOT NULL REFERENCES traffic_purchase (id),
  seq         integer     NOT NULL CHECK (seq >= 0),
  step        text        NOT NULL,
  at          timestamptz NOT NULL,
  detail      text        NOT NULL,
  PRIMARY KEY (purchase_id, seq)
);

-- A traffic card: one per purchase (the unique purchase_id makes a retried create find it).
-- Binding is UPDATE ... WHERE state = 'UNBOUND', so of two users racing for it one binds it.
CREATE TABLE traffic_card (
  id            text        PRIMARY KEY CHECK (id ~ '^TC[2-9A-HJKMNP-Z]{12}$'),
  purchase_id   text        NOT NULL UNIQUE,
  product_id    text        NOT NULL,
  purchaser     text        NOT NULL,
  volume_bytes  bigint      NOT NULL CHECK (volume_bytes > 0),
  rating_groups bigint[]    NOT NULL CHECK (0 <= ALL (rating_groups)
                  AND 4294967295 >= ALL (rating_groups) AND array_position(rating_groups, NULL) IS NULL),
  state         text        NOT NULL CHECK (state IN ('PENDING', 'UNBOUND', 'BOUND', 'VOIDED')),
  bound_to      text,
  designated    boolean     NOT NULL,
  bound_at      timestamptz,
  created_at    timestamptz NOT NULL,
  CHECK ((state = 'BOUND') = (bound_to IS NOT NULL AND bound_at IS NOT NULL)),
  CHECK (state = 'BOUND' OR (bound_to IS NULL AND bound_at IS NULL))
);
CREATE INDEX traffic_card_purchaser ON traffic_card (purchaser, created_at);

-- A charging session (Nchf ChargingDataRef). Its reservations are parallel arrays, one element
-- per reservation, sorted by rating group and in the order they were made within one: res_bucket
-- is NULL for money (then res_fen > 0), else the bucket (then res_fen = 0). A save is a
-- compare-and-set on sequence.
CREATE TABLE charging_session (
  ref         text        PRIMARY KEY CHECK (ref ~ '^[a-z0-9-]{8,64}$'),
  msisdn      text        NOT NULL,
  family      bigint      NOT NULL CHECK (family >= 0),
  notify_uri  text,
  state       text        NOT NULL CHECK (state IN ('OPEN', 'RELEASED', 'ABORTED')),
  sequence    bigint      NOT NULL,
  answer      text        NOT NULL,
  res_group   bigint[]    NOT NULL CHECK (0 <= ALL (res_group) AND 4294967295 >= ALL (res_group)),
  res_pending text[]      NOT NULL,
  res_account bigint[]    NOT NULL CHECK (0 < ALL (res_account)),
  res_bucket  text[]      NOT NULL,
  res_bytes   bigint[]    NOT NULL CHECK (0 < ALL (res_bytes)),
  res_fen     bigint[]    NOT NULL CHECK (0 <= ALL (res_fen)),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  CHECK (cardinality(res_pending) = cardinality(res_group)
    AND cardinality(res_account) = cardinality(res_group)
    AND cardinality(res_bucket) = cardinality(res_group)
    AND cardinality(res_bytes) = cardinality(res_group)
    AND cardinality(res_fen) = cardinality(res_group))
);
CREATE INDEX charging_session_open ON charging_session (msisdn, created_at) WHERE state = 'OPEN';

-- The data each app used each day, all subscribers together. A save adds to it by an upsert in
-- the session's transaction, so the usage of a request counts once.
CREATE TABLE charging_daily_usage (
  day          date   NOT NULL,
  rating_group bigint NOT NULL CHECK (rating_group BETWEEN 0 AND 4294967295),
  bytes        bigint NOT NULL CHECK (bytes >= 0),
  PRIMARY KEY (day, rating_group)
);
