-- Seller segmentation and gaps & opportunities (seller map).
-- `sellers` is referenced by foreign keys, so DuckDB refuses ALTER TABLE on it: per-seller computed
-- data lives in its own tables keyed by seller_id, without foreign keys (rows are rebuilt by a
-- set-based recompute after each import and daily).

-- Aisle's computed segments, one row per seller. `sellers.tier` stays the platform's own tier.
CREATE TABLE seller_segments (
  seller_id VARCHAR PRIMARY KEY,
  tier VARCHAR, -- 'top' | 'high' | 'mid' | 'low' | 'inactive' (GMV percentile over the rolling window)
  tier_reason VARCHAR,
  lifecycle VARCHAR CHECK (lifecycle IN ('new', 'growing', 'steady', 'declining', 'dormant', 'churned')),
  lifecycle_reason VARCHAR,
  live_status VARCHAR CHECK (live_status IN ('never', 'lapsed', 'occasional', 'regular')),
  live_status_reason VARCHAR,
  gmv_window DECIMAL(18, 2),
  computed_at TIMESTAMPTZ
);

-- The opportunities found by the last evaluation of the rule catalog (src/core/sellers/opportunities).
-- subject is 'seller:<id>' or 'subcategory:<id>'; the pair (rule, subject) is an opportunity's key.
CREATE TABLE opportunities (
  rule VARCHAR NOT NULL,
  subject VARCHAR NOT NULL CHECK (regexp_full_match(subject, '(seller|subcategory):.+')),
  seller_id VARCHAR,
  subcategory_id VARCHAR,
  reason VARCHAR NOT NULL,
  evidence JSON NOT NULL,
  upside DECIMAL(18, 2),
  severity VARCHAR NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
  score DOUBLE NOT NULL,
  computed_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  PRIMARY KEY (rule, subject)
);

-- What users decided about an opportunity: dismissed (hidden until restored) or snoozed (hidden
-- until a date). Kept apart from
-- `opportunities`, which is rebuilt on every evaluation.
CREATE TABLE opportunity_states (
  rule VARCHAR NOT NULL,
  subject VARCHAR NOT NULL,
  state VARCHAR NOT NULL CHECK (state IN ('dismissed', 'snoozed')),
  snoozed_until DATE,
  reason VARCHAR NOT NULL CHECK (length(trim(reason)) > 0),
  "by" VARCHAR NOT NULL,
  "at" TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  PRIMARY KEY (rule, subject),
  CHECK ((state = 'snoozed') = (snoozed_until IS NOT NULL))
);
-- Tier thresholds are the setting 'segments.tier_thresholds' (JSON), defaults in code.
