-- Drops the foreign key of the subscriber history (V007): its check looked up the subscriber's
-- primary key for every history row, a cost paid on each state change (flow F1 writes a whole
-- barred base's history at once). The history is written only by PgSubscriberStore, in the
-- same transaction as the subscriber row it belongs to: a new subscriber's row before its
-- SUBSCRIBED entry, and a change's entry only for a row the same statement batch rewrote.
-- Subscribers are never deleted. PgSubscriberStoreTest checks that every history row has its
-- subscriber.
ALTER TABLE subscriber_state_change DROP CONSTRAINT subscriber_state_change_msisdn_fkey;
