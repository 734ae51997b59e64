-- Every group commit rewrites the balances of the accounts it touched. With free room on each
-- page PostgreSQL keeps the new row version on the same page (a HOT update) and skips the
-- primary-key index; half-full pages leave that room.
ALTER TABLE ledger_account SET (fillfactor = 50);
