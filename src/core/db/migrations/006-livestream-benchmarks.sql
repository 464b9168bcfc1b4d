-- Livestream session analytics: peer benchmarks kept per session, and reviewer notes pinned to a
-- minute of a session's timeline.
--
-- The benchmark tables are a cache of what src/core/livestreams/peer-benchmarks.sql.ts computes
-- from the metric catalog: a session's peers are the sessions of the same subcategory and duration
-- band in the 8 ISO weeks up to its own week, so ranking them means sorting every peer pool. That
-- is done once per pool (subcategory × week) and kept with a fingerprint of the sessions behind it;
-- a pool whose fingerprint no longer matches (an import, an edit, a seller moved to another
-- subcategory) is recomputed on the next read. No keys or indexes: a recompute deletes a pool's rows
-- and writes them again in one transaction (that code keeps them unique, as the loaders do for the
-- facts), and facts are replaced by imports, so there are no foreign keys either.

-- One row per pool (subcategory × ISO week of the benchmarked sessions): the fingerprint of the
-- sessions in its 8 weeks when it was computed.
CREATE TABLE livestream_benchmark_pools (
  subcategory VARCHAR NOT NULL, -- '' for sellers without a subcategory
  week DATE NOT NULL, -- Monday of the benchmarked sessions' week
  fingerprint VARCHAR NOT NULL,
  sessions INTEGER NOT NULL,
  computed_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

-- One row per peer group (pool × duration band): its size and the median of each benchmarked
-- metric; `<metric>_n` counts the sessions with a value.
CREATE TABLE livestream_peer_groups (
  subcategory VARCHAR NOT NULL,
  week DATE NOT NULL,
  band VARCHAR NOT NULL,
  sessions INTEGER NOT NULL,
  engagement_rate_median DOUBLE, engagement_rate_n INTEGER,
  ctr_median DOUBLE, ctr_n INTEGER,
  ctor_median DOUBLE, ctor_n INTEGER,
  live_conversion_median DOUBLE, live_conversion_n INTEGER,
  gpm_median DOUBLE, gpm_n INTEGER,
  gmv_per_live_hour_median DOUBLE, gmv_per_live_hour_n INTEGER,
  avg_view_duration_s_median DOUBLE, avg_view_duration_s_n INTEGER,
  follow_rate_median DOUBLE, follow_rate_n INTEGER,
  live_impressions_median DOUBLE, live_impressions_n INTEGER,
  live_view_rate_median DOUBLE, live_view_rate_n INTEGER,
  live_aov_median DOUBLE, live_aov_n INTEGER
);

-- One row per benchmarked session: its catalog figures, its percentile among its peers for each
-- benchmarked metric (`<metric>_pct`, 0..1, null with too few peers) and its peer score (mean
-- percentile of the score metrics × 100).
CREATE TABLE livestream_benchmarks (
  livestream_id VARCHAR NOT NULL,
  subcategory VARCHAR NOT NULL,
  week DATE NOT NULL,
  band VARCHAR NOT NULL,
  views DOUBLE, viewers DOUBLE, live_gmv DOUBLE, live_orders DOUBLE, live_product_clicks DOUBLE, live_hours DOUBLE,
  engagement_rate DOUBLE, engagement_rate_pct DOUBLE,
  ctr DOUBLE, ctr_pct DOUBLE,
  ctor DOUBLE, ctor_pct DOUBLE,
  live_conversion DOUBLE, live_conversion_pct DOUBLE,
  gpm DOUBLE, gpm_pct DOUBLE,
  gmv_per_live_hour DOUBLE, gmv_per_live_hour_pct DOUBLE,
  avg_view_duration_s DOUBLE, avg_view_duration_s_pct DOUBLE,
  follow_rate DOUBLE, follow_rate_pct DOUBLE,
  live_impressions DOUBLE, live_impressions_pct DOUBLE,
  live_view_rate DOUBLE, live_view_rate_pct DOUBLE,
  live_aov DOUBLE, live_aov_pct DOUBLE,
  peer_score DOUBLE
);

-- Reviewer notes pinned to a minute of a session ("host leaves the frame here").
CREATE SEQUENCE livestream_minute_notes_id_seq START 1;
CREATE TABLE livestream_minute_notes (
  id BIGINT PRIMARY KEY DEFAULT nextval('livestream_minute_notes_id_seq'),
  livestream_id VARCHAR NOT NULL,
  minute INTEGER NOT NULL CHECK (minute >= 0),
  body VARCHAR NOT NULL CHECK (length(trim(body)) > 0 AND length(body) <= 2000),
  created_by VARCHAR NOT NULL,
  created_by_user_id BIGINT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);
CREATE INDEX livestream_minute_notes_session_idx ON livestream_minute_notes (livestream_id);
