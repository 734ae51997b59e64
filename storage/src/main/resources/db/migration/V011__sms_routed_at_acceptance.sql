-- Messages are now routed before they are stored (PgSmsStore.acceptRouted): a message for a
-- handset is inserted DELIVERED with its handset_message row, one for a peer AWAITING_PEER, and
-- only messages for short-code services are inserted ACCEPTED. So sms_message is mostly
-- insert-only; what still becomes dead is the old version of each message the forwarder moves
-- from AWAITING_PEER to final, and of each one whose receipt is handed over. Those updates change
-- state or owed_*, which partial-index predicates read, so they cannot be HOT; the scans of
-- sms_message_awaiting_peer and sms_message_owed skip their dead entries until vacuum removes
-- them. Vacuum this table early and at full speed rather than at the default 20% of its rows:
-- at thousands of messages a second the default lets millions of dead entries pile up.
-- fillfactor stays at 100: no update here can be HOT, so free space on a page would not help.
ALTER TABLE sms_message SET (
  autovacuum_vacuum_scale_factor = 0.01,
  autovacuum_vacuum_threshold = 5000,
  autovacuum_vacuum_insert_scale_factor = 0.05,
  autovacuum_vacuum_cost_delay = 0,
  autovacuum_analyze_scale_factor = 0.02
);

ALTER TABLE handset_message SET (
  autovacuum_vacuum_insert_scale_factor = 0.05,
  autovacuum_vacuum_cost_delay = 0
);
