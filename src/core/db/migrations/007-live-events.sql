-- Live event stream recordings (import kind `live_events`): what a JSON-lines recording of a LIVE
-- shows, kept per session as observed figures — never mixed with the platform's own numbers.
--
-- 1. `imports.kind` admits `live_events`. DuckDB can neither alter a CHECK nor drop a table that a
--    foreign key references, so `imports` and `import_rejects` (which references it) are copied,
--    dropped and recreated with the same columns and checks (the pattern of 005).
CREATE TEMP TABLE imports_copy AS SELECT * FROM imports;
CREATE TEMP TABLE import_rejects_copy AS SELECT * FROM import_rejects;
DROP TABLE import_rejects;
DROP TABLE imports;

CREATE TABLE imports (
  id VARCHAR PRIMARY KEY,
  file VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL CHECK (length(sha256) = 64),
  kind VARCHAR NOT NULL CHECK (kind IN ('sellers', 'products', 'orders', 'seller_daily', 'livestreams', 'livestream_minutes', 'live_events')),
  sheet VARCHAR,
  header_row INTEGER CHECK (header_row >= 1),
  mapping JSON,
  options JSON,
  status VARCHAR NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'loaded', 'rejected', 'failed')),
  rows_read INTEGER NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
  rows_loaded INTEGER NOT NULL DEFAULT 0 CHECK (rows_loaded >= 0),
  rows_skipped INTEGER NOT NULL DEFAULT 0 CHECK (rows_skipped >= 0),
  rows_rejected INTEGER NOT NULL DEFAULT 0 CHECK (rows_rejected >= 0),
  duplicate_of VARCHAR,
  error VARCHAR,
  started_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  finished_at TIMESTAMPTZ,
  "by" VARCHAR NOT NULL,
  CHECK (finished_at IS NULL OR finished_at >= started_at)
);

-- "row" and "column" are reserved words in SQL; the columns are row_no and column_name.
CREATE TABLE import_rejects (
  import_id VARCHAR NOT NULL REFERENCES imports (id),
  row_no INTEGER NOT NULL CHECK (row_no >= 1),
  column_name VARCHAR,
  value VARCHAR,
  message VARCHAR NOT NULL,
  raw JSON
);

INSERT INTO imports SELECT * FROM imports_copy;
INSERT INTO import_rejects SELECT * FROM import_rejects_copy;
DROP TABLE imports_copy;
DROP TABLE import_rejects_copy;

-- 2. The observed figures of one session, from its latest recording. A re-import of the same
--    session deletes and rewrites all four tables in one transaction (no foreign keys: facts).
CREATE TABLE livestream_event_recordings (
  livestream_id VARCHAR PRIMARY KEY,
  import_id VARCHAR NOT NULL,
  room_id VARCHAR,
  first_event_at TIMESTAMPTZ NOT NULL,
  last_event_at TIMESTAMPTZ NOT NULL,
  stream_ended_at TIMESTAMPTZ, -- the streamEnd event, when the recording has one
  events INTEGER NOT NULL CHECK (events >= 0),
  lines_rejected INTEGER NOT NULL DEFAULT 0 CHECK (lines_rejected >= 0),
  event_counts JSON NOT NULL, -- {"chat": 120, "gift": 40, …}
  likes_in_events BIGINT NOT NULL DEFAULT 0, -- Σ likeCount of the (sampled) like events
  likes_total_reported BIGINT, -- the room's own running total (max totalLikeCount)
  peak_viewers INTEGER,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  CHECK (last_event_at >= first_event_at)
);

CREATE TABLE livestream_event_minutes (
  livestream_id VARCHAR NOT NULL,
  minute INTEGER NOT NULL CHECK (minute >= 0), -- minutes since the session started
  viewers_online INTEGER CHECK (viewers_online >= 0), -- last roomUser viewerCount of the minute
  enters INTEGER NOT NULL DEFAULT 0,
  comments INTEGER NOT NULL DEFAULT 0,
  questions INTEGER NOT NULL DEFAULT 0,
  intent_comments INTEGER NOT NULL DEFAULT 0,
  likes BIGINT NOT NULL DEFAULT 0,
  gifts INTEGER NOT NULL DEFAULT 0, -- streaks counted once, at their end, × repeatCount
  diamonds BIGINT NOT NULL DEFAULT 0,
  follows INTEGER NOT NULL DEFAULT 0,
  shares INTEGER NOT NULL DEFAULT 0,
  product_events INTEGER NOT NULL DEFAULT 0, -- oecLiveShopping + roomPin
  PRIMARY KEY (livestream_id, minute)
);

CREATE TABLE livestream_event_comments (
  livestream_id VARCHAR NOT NULL,
  line_no INTEGER NOT NULL, -- line of the recording
  minute INTEGER NOT NULL,
  "at" TIMESTAMPTZ NOT NULL,
  user_id VARCHAR,
  source VARCHAR NOT NULL CHECK (source IN ('chat', 'questionNew')),
  comment VARCHAR NOT NULL,
  is_question BOOLEAN NOT NULL,
  intent_terms VARCHAR[] NOT NULL DEFAULT [],
  sentiment VARCHAR NOT NULL CHECK (sentiment IN ('positive', 'negative', 'neutral')),
  product_keys VARCHAR[] NOT NULL DEFAULT []
);
CREATE INDEX livestream_event_comments_session_idx ON livestream_event_comments (livestream_id);

CREATE TABLE livestream_event_products (
  livestream_id VARCHAR NOT NULL,
  product_key VARCHAR NOT NULL, -- lower-cased title
  title VARCHAR NOT NULL,
  price DOUBLE,
  shop VARCHAR,
  source VARCHAR NOT NULL CHECK (source IN ('stream', 'catalog')),
  shopping_events INTEGER NOT NULL DEFAULT 0,
  first_minute INTEGER,
  mentions INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (livestream_id, product_key)
);
