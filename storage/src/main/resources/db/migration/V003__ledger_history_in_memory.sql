-- An account's transfer history is answered by the shard that owns the account, from memory
-- (it holds every transfer anyway to make retries idempotent). The two per-account indexes
-- cost about a third of every group commit, so they leave the write path.
DROP INDEX IF EXISTS ledger_transfer_debit;
DROP INDEX IF EXISTS ledger_transfer_credit;
