-- A ledger shard holds only a window of the newest transfers in memory (org.telco.ledger.Ledger).
-- A post or void of a pending transfer that left the window long ago asks the store how that
-- pending transfer ended: this index finds its resolution. Partial, so immediate and pending
-- transfers (pending_id NULL) never touch it; only posts, voids and expiries do.
CREATE INDEX ledger_transfer_pending ON ledger_transfer (pending_id) WHERE pending_id IS NOT NULL;
