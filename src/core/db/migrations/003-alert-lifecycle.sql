-- Alerts with a lifecycle and the rules that raise them (KPI monitoring).
-- DuckDB cannot add columns with constraints, so both tables are rebuilt with their full
-- definitions (rows are copied; until this version nothing wrote them). The id sequences stay.

CREATE TABLE alert_rules_next (
  id BIGINT PRIMARY KEY DEFAULT nextval('alert_rules_id_seq'),
  name VARCHAR NOT NULL CHECK (length(trim(name)) > 0),
  -- anomaly: the built-in detector watches this metric (one rule per metric, on or off);
  -- threshold: a user's rule "metric of scope comparator threshold" per day, week or month.
  kind VARCHAR NOT NULL CHECK (kind IN ('anomaly', 'threshold')),
  metric VARCHAR NOT NULL,
  scope VARCHAR NOT NULL DEFAULT 'category' CHECK (regexp_full_match(scope, 'category|(subcategory|seller_tier|seller):.+')),
  comparator VARCHAR CHECK (comparator IN ('<', '<=', '>', '>=')),
  threshold DOUBLE,
  grain VARCHAR NOT NULL DEFAULT 'day' CHECK (grain IN ('day', 'week', 'month')),
  severity VARCHAR NOT NULL DEFAULT 'warning' CHECK (severity IN ('info', 'warning', 'critical')),
  enabled BOOLEAN NOT NULL DEFAULT true,
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  CHECK (kind = 'anomaly' OR (comparator IS NOT NULL AND threshold IS NOT NULL))
);
INSERT INTO alert_rules_next (id, name, kind, metric, scope, comparator, threshold, grain, enabled, created_by, created_at, updated_at)
  SELECT id, name, kind, metric, scope, comparator, threshold, grain, enabled, created_by, created_at, updated_at FROM alert_rules;
DROP TABLE alert_rules;
ALTER TABLE alert_rules_next RENAME TO alert_rules;

-- The detector watches these metrics from the start; managers switch each on or off.
INSERT INTO alert_rules (name, kind, metric, scope, grain, created_by) VALUES
  ('GMV anomalies', 'anomaly', 'gmv', 'category', 'day', 'system'),
  ('Orders anomalies', 'anomaly', 'orders', 'category', 'day', 'system'),
  ('Live GMV anomalies', 'anomaly', 'live_gmv', 'category', 'day', 'system'),
  ('Live sessions anomalies', 'anomaly', 'live_sessions', 'category', 'day', 'system'),
  ('Live GMV share anomalies', 'anomaly', 'live_gmv_share', 'category', 'day', 'system');

CREATE TABLE alerts_next (
  id BIGINT PRIMARY KEY DEFAULT nextval('alerts_id_seq'),
  rule VARCHAR NOT NULL, -- 'anomaly', or 'threshold:<alert_rules.id>'
  metric VARCHAR NOT NULL,
  scope VARCHAR NOT NULL, -- 'category' | 'subcategory:<id>' | 'seller_tier:<tier>' | 'seller:<id>'
  -- The key of the period: a day 'YYYY-MM-DD' (for a run of unusual days, its first day), an ISO
  -- week 'YYYY-Www' or a month 'YYYY-MM'. period_from … period_to are the days it covers.
  period VARCHAR NOT NULL,
  grain VARCHAR NOT NULL CHECK (grain IN ('day', 'week', 'month')),
  period_from DATE NOT NULL,
  period_to DATE NOT NULL,
  observed DOUBLE,
  expected DOUBLE,
  z DOUBLE, -- robust z-score of the latest judged day or week (anomalies only)
  direction VARCHAR CHECK (direction IN ('up', 'down')),
  severity VARCHAR NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
  status VARCHAR NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'acknowledged', 'resolved')),
  explanation JSON,
  acknowledged_by VARCHAR,
  acknowledged_at TIMESTAMPTZ,
  resolved_by VARCHAR, -- a user's e-mail, 'cli', or 'system' when a scan found it cleared
  resolved_at TIMESTAMPTZ,
  last_seen_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp, -- last scan that confirmed it
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  CHECK (period_to >= period_from),
  UNIQUE (rule, metric, scope, period)
);
INSERT INTO alerts_next (id, rule, metric, scope, period, grain, period_from, period_to, observed, expected, severity, status, explanation, created_at, updated_at)
  SELECT id, rule, metric, scope, period, 'day',
    coalesce(TRY_CAST(period AS DATE), CAST(created_at AS DATE)), coalesce(TRY_CAST(period AS DATE), CAST(created_at AS DATE)),
    observed, expected, severity, status, explanation, created_at, updated_at
  FROM alerts;
DROP TABLE alerts;
ALTER TABLE alerts_next RENAME TO alerts;
