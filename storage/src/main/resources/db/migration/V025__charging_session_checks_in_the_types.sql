-- Every save of a charging session (flow F5, one per Nchf request) rewrote its row with eight
-- CHECK constraints. PostgreSQL rebuilds each constraint's expression from its stored text for
-- every statement that writes the table, and the journal's saves are one statement per session:
-- measured on the Nchf benchmark, the checks cost a quarter of PostgreSQL's CPU per request and 14%
-- of the node's throughput (docs/benchmarks.md). The same rules hold in the types every row is
-- written from, before it is bound (org.telco.storage.traffic.SessionRows):
--   ref          ChargingRef accepts only [a-z0-9-]{8,64}
--   family       ChargingSession refuses a negative family
--   state        SessionState, an enum of OPEN, RELEASED and ABORTED
--   res_*        one element per Reservation, all arrays written from the same list; RatingGroup
--                keeps to 0..4294967295, AccountId is positive, Reservation refuses bytes <= 0
--                and fen < 0
ALTER TABLE charging_session
  DROP CONSTRAINT IF EXISTS charging_session_ref_check,
  DROP CONSTRAINT IF EXISTS charging_session_family_check,
  DROP CONSTRAINT IF EXISTS charging_session_state_check,
  DROP CONSTRAINT IF EXISTS charging_session_res_group_check,
  DROP CONSTRAINT IF EXISTS charging_session_res_account_check,
  DROP CONSTRAINT IF EXISTS charging_session_res_bytes_check,
  DROP CONSTRAINT IF EXISTS charging_session_res_fen_check,
  DROP CONSTRAINT IF EXISTS charging_session_check;
