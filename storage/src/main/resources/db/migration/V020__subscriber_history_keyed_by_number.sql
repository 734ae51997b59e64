-- The subscriber history (V007) had two indexes: its primary key on seq and an index on
-- (msisdn, seq). It is only ever read by number, in seq order (PgSubscriberStore.history), so the
-- second is the key: (msisdn, seq) is unique because seq is, and one index entry per state change
-- is written instead of two (flow F1 moves a whole barred base at once, a history row each).
-- seq keeps ordering one subscriber's entries; nothing reads it alone.
--
-- Numbered 20: 19 was left to a feature being written beside this change.
ALTER TABLE subscriber_state_change DROP CONSTRAINT subscriber_state_change_pkey;
DROP INDEX subscriber_state_change_msisdn;
ALTER TABLE subscriber_state_change ADD CONSTRAINT subscriber_state_change_pkey
  PRIMARY KEY (msisdn, seq);
