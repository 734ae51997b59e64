-- Lets the save of a charging session be a HOT update (flow F5: every update request rewrites
-- its session's row): PostgreSQL writes the new row version in place, without new entries in the
-- primary key and in charging_session_open, only when no indexed column changes and the page has
-- room. An update keeps ref, msisdn, created_at and state (OPEN), so only the room was missing:
-- pages filled by inserts at fillfactor 100 sent every new version to another page. Half of each
-- page is now kept for them; a session is updated about ten times in its life, and the group
-- commit saves many sessions of one page in one transaction, when no old version can be pruned.
-- A release changes state, which the index's predicate names, and is never HOT.
ALTER TABLE charging_session SET (fillfactor = 50);
