-- Monthly fees an operator changed from its console (PlanBook). Only changed fees are rows; the
-- rest of each plan comes from the catalogue in code.
CREATE TABLE plan_fee (
  plan_id text PRIMARY KEY,
  monthly_fee_fen bigint NOT NULL CHECK (monthly_fee_fen >= 0)
);
