-- Emergency credit (flow F1): the subscriber state it adds, and the operator's advances
-- (org.telco.credit.Advance), written by org.telco.storage.credit.PgAdvanceStore.
--
-- A number barred for arrears may be re-opened on an operator-funded advance, in state
-- EMERGENCY_CREDIT. It is still billed every cycle, so the billing run's partial index must
-- keep it (PgSubscriberStore.dueForCycle asks for the same states). Both the CHECK (named by
-- PostgreSQL after the column, from V007) and the index are replaced.
ALTER TABLE subscriber DROP CONSTRAINT subscriber_state_check;
ALTER TABLE subscriber ADD CONSTRAINT subscriber_state_check
  CHECK (state IN ('ACTIVE', 'BARRED_ARREARS', 'SUSPENDED_VOLUNTARY', 'EMERGENCY_CREDIT',
                   'PORTED_OUT', 'CLOSED'));

DROP INDEX subscriber_due;
CREATE INDEX subscriber_due ON subscriber (next_cycle_at, msisdn)
  WHERE state IN ('ACTIVE', 'BARRED_ARREARS', 'SUSPENDED_VOLUNTARY', 'EMERGENCY_CREDIT');

-- One row per advance, rewritten in place at each step (repaid in part, repaid, defaulted,
-- recovered); the subscriber's history says when the number moved because of it. An update
-- names every field of the advance as it was read and applies only if the row still holds
-- them all (compare-and-set), so two top-ups racing for one advance cannot both apply.
-- The CHECKs repeat the invariants of the Advance record: settled (REPAID, RECOVERED) exactly
-- when all is repaid, closed_at NULL exactly while outstanding. State by enum name;
-- timestamps keep microseconds, the resolution of timestamptz.
CREATE TABLE advance (
  id          text        PRIMARY KEY,
  msisdn      text        NOT NULL,
  amount_fen  bigint      NOT NULL CHECK (amount_fen > 0),
  covered_fen bigint      NOT NULL CHECK (covered_fen >= 0 AND covered_fen <= amount_fen),
  repaid_fen  bigint      NOT NULL CHECK (repaid_fen >= 0 AND repaid_fen <= amount_fen),
  granted_at  timestamptz NOT NULL,
  deadline    timestamptz NOT NULL,
  state       text        NOT NULL CHECK (state IN ('OUTSTANDING', 'REPAID', 'DEFAULTED',
                                                    'RECOVERED')),
  closed_at   timestamptz,
  CHECK (deadline > granted_at),
  CHECK ((repaid_fen = amount_fen) = (state IN ('REPAID', 'RECOVERED'))),
  CHECK ((closed_at IS NULL) = (state = 'OUTSTANDING'))
);

-- One open advance (outstanding or defaulted) per number, decided by the database: a grant is
-- INSERT ... ON CONFLICT DO NOTHING, which this index refuses just as it refuses a taken id,
-- so of two grants racing for one number exactly one is stored. Closed advances drop out.
CREATE UNIQUE INDEX advance_one_open ON advance (msisdn)
  WHERE state IN ('OUTSTANDING', 'DEFAULTED');

-- of(msisdn) and ofAll(msisdns): a number's advances, oldest first.
CREATE INDEX advance_msisdn ON advance (msisdn, granted_at, id);
