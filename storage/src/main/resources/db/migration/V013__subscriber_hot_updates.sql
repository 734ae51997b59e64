-- Lets a subscriber's state change be a HOT update (flow F1 moves a whole barred base to
-- EMERGENCY_CREDIT at once): PostgreSQL updates a row in place, without a new entry in each of
-- the table's four indexes, only when no indexed column changes and the page has room.
--
-- The partial index subscriber_due (V012) names state in its predicate, and a column of an
-- index predicate counts as indexed, so no state change could be HOT. It is recreated without
-- the predicate: PgSubscriberStore.dueForCycle still asks for the states in service and skips
-- the others while it walks the index in order. Ported-out and closed numbers keep the cycle
-- start they left with, so they gather at the front of the index and each read steps over them:
-- cheap while they are few, worth moving out of the way if they grow many. (Any index naming
-- state, in a predicate or as a column, would make state changes non-HOT again.) An update that
-- keeps next_cycle_at leaves every indexed column as it was.
--
-- Each page keeps half its room (fillfactor 50) for the updated row versions: a batch moves every
-- row of a page in one transaction, so no old version can be pruned to make room meanwhile, and
-- with 90 only one update in nine found room on its page (measured). The billing run moves
-- next_cycle_at, which is indexed, so its updates are not HOT either way, but the new row
-- versions still stay on their pages.
DROP INDEX subscriber_due;
CREATE INDEX subscriber_due ON subscriber (next_cycle_at, msisdn);

ALTER TABLE subscriber SET (fillfactor = 50);
