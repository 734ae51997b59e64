-- How the ledger answered each device purchase (org.telco.device.PurchaseCharge). A purchase is
-- recorded PENDING, holding its place under the device's monthly cap while it is charged, and
-- then settled once: CHARGED when the ledger moved the money, DECLINED when it refused (the
-- payer's money ran short). Rows recorded before this column existed were charged by nothing
-- (no wiring posted them), so they are left PENDING: the next retry of one charges it.
ALTER TABLE device_purchase
  ADD COLUMN charge text NOT NULL DEFAULT 'PENDING'
    CHECK (charge IN ('PENDING', 'CHARGED', 'DECLINED'));

-- spentFen(device, from, until) sums what still counts against the cap; a declined purchase
-- does not. The partial index answers it from the index alone, as the one it replaces did.
CREATE INDEX device_purchase_spent_counted ON device_purchase (device_id, at) INCLUDE (amount_fen)
  WHERE charge <> 'DECLINED';
DROP INDEX device_purchase_spent;
