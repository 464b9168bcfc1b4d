-- Aisle schema, version 1: the whole domain of CONTRACTS.md §3.
-- Keys, NOT NULLs and CHECKs keep bad data out at the door; the importer reports the same rules
-- to the user with row and column before a row ever reaches these tables.
-- Money is DECIMAL(18,2) in the workspace currency. Instants are TIMESTAMPTZ; fact tables also keep
-- the local calendar date (workspace time zone) they belong to, so periods bucket without
-- converting every row at query time.

CREATE TABLE settings (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

-- Two-level taxonomy: top-level categories have no parent, subcategories have one.
CREATE TABLE categories (
  id VARCHAR PRIMARY KEY CHECK (regexp_full_match(id, '[a-z0-9_]+')),
  parent_id VARCHAR REFERENCES categories (id),
  name VARCHAR NOT NULL CHECK (length(trim(name)) > 0),
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  CHECK (parent_id IS NULL OR parent_id <> id)
);

CREATE SEQUENCE users_id_seq START 1;
CREATE TABLE users (
  id BIGINT PRIMARY KEY DEFAULT nextval('users_id_seq'),
  email VARCHAR NOT NULL UNIQUE CHECK (email = lower(trim(email)) AND contains(email, '@')),
  display_name VARCHAR NOT NULL,
  role VARCHAR NOT NULL CHECK (role IN ('admin', 'manager', 'analyst', 'viewer')),
  password_hash VARCHAR,
  disabled_at TIMESTAMPTZ,
  last_login_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE TABLE sessions (
  token_sha256 VARCHAR PRIMARY KEY CHECK (length(token_sha256) = 64),
  user_id BIGINT NOT NULL REFERENCES users (id),
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  last_seen_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  expires_at TIMESTAMPTZ NOT NULL
);

CREATE SEQUENCE api_tokens_id_seq START 1;
CREATE TABLE api_tokens (
  id BIGINT PRIMARY KEY DEFAULT nextval('api_tokens_id_seq'),
  user_id BIGINT NOT NULL REFERENCES users (id),
  name VARCHAR NOT NULL,
  token_sha256 VARCHAR NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
  role VARCHAR NOT NULL CHECK (role IN ('admin', 'manager', 'analyst', 'viewer')),
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  last_used_at TIMESTAMPTZ,
  revoked_at TIMESTAMPTZ
);

CREATE SEQUENCE audit_log_id_seq START 1;
CREATE TABLE audit_log (
  id BIGINT PRIMARY KEY DEFAULT nextval('audit_log_id_seq'),
  "at" TIMESTAMPTZ NOT NULL DEFAULT current_timestamp, -- quoted: AT is a keyword
  user_id BIGINT,
  actor VARCHAR NOT NULL, -- user e-mail, 'cli' or 'system'
  action VARCHAR NOT NULL CHECK (action IN ('create', 'update', 'delete', 'import', 'merge', 'login', 'logout', 'restore')),
  entity VARCHAR NOT NULL,
  entity_id VARCHAR,
  before JSON,
  after JSON
);

-- Sellers: the registry. `id` is the platform's seller id, or `name:<hash>` for sellers known only
-- by name until a sellers import gives them an id.
CREATE TABLE sellers (
  id VARCHAR PRIMARY KEY CHECK (length(trim(id)) > 0),
  name VARCHAR NOT NULL CHECK (length(trim(name)) > 0),
  name_key VARCHAR NOT NULL, -- normalised name used to match exports that carry no id
  shop_name VARCHAR,
  brand VARCHAR,
  seller_type VARCHAR CHECK (seller_type IN ('brand', 'official', 'reseller', 'creator', 'other')),
  tier VARCHAR,
  region VARCHAR,
  city VARCHAR,
  postal_code VARCHAR,
  category_id VARCHAR REFERENCES categories (id),
  subcategory_id VARCHAR REFERENCES categories (id),
  status VARCHAR NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'suspended', 'closed')),
  onboarded_at DATE,
  account_manager VARCHAR,
  contact_name VARCHAR,
  contact_email VARCHAR,
  contact_phone VARCHAR,
  followers BIGINT CHECK (followers >= 0),
  product_count INTEGER CHECK (product_count >= 0),
  store_rating DECIMAL(3, 2) CHECK (store_rating BETWEEN 0 AND 5),
  owner_user_id BIGINT REFERENCES users (id),
  first_seen DATE,
  last_seen DATE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  CHECK (last_seen IS NULL OR first_seen IS NULL OR last_seen >= first_seen)
);
-- No index on name_key: DuckDB executes an UPDATE of an indexed column as delete + insert, which
-- the foreign keys from seller_history, communications, tasks and notes then refuse. A scan of the
-- registry (≤ 100k rows) is fast enough for name matching.

CREATE SEQUENCE seller_history_id_seq START 1;
CREATE TABLE seller_history (
  id BIGINT PRIMARY KEY DEFAULT nextval('seller_history_id_seq'),
  seller_id VARCHAR NOT NULL REFERENCES sellers (id),
  field VARCHAR NOT NULL,
  old VARCHAR,
  new VARCHAR,
  changed_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  "by" VARCHAR NOT NULL, -- user e-mail, or 'import:<id>'
  source VARCHAR NOT NULL CHECK (source IN ('import', 'user', 'merge', 'system'))
);

CREATE TABLE products (
  id VARCHAR PRIMARY KEY,
  seller_id VARCHAR NOT NULL,
  name VARCHAR,
  category_id VARCHAR,
  subcategory_id VARCHAR,
  price DECIMAL(18, 2) CHECK (price >= 0),
  status VARCHAR CHECK (status IN ('active', 'inactive', 'out_of_stock', 'deleted')),
  listed_at DATE,
  import_id VARCHAR,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

-- Facts. No foreign keys here on purpose: these tables move to a ClickHouse cluster in large
-- deployments; the loader guarantees the seller exists before it writes a fact.
-- The two largest fact tables (order_lines, livestream_minutes) have no PRIMARY KEY index either:
-- maintaining it costs most of a bulk load (measured 16× slower than delete + insert on 300k
-- lines). Their natural key (order_id + line_no; livestream_id + minute) is kept unique by the
-- loader — it deletes the keys it is about to write in the same transaction and refuses duplicate
-- keys within a file — as a ReplacingMergeTree would in ClickHouse.
CREATE TABLE order_lines (
  order_id VARCHAR NOT NULL,
  line_no INTEGER NOT NULL DEFAULT 1 CHECK (line_no >= 1),
  ordered_at TIMESTAMPTZ NOT NULL,
  order_date DATE NOT NULL, -- local date of ordered_at in the workspace time zone
  status VARCHAR NOT NULL CHECK (status IN ('unpaid', 'paid', 'shipped', 'delivered', 'completed', 'cancelled', 'refunded')),
  seller_id VARCHAR NOT NULL,
  product_id VARCHAR,
  product_name VARCHAR,
  category_id VARCHAR,
  subcategory_id VARCHAR,
  quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0),
  unit_price DECIMAL(18, 2) CHECK (unit_price >= 0),
  amount DECIMAL(18, 2) NOT NULL CHECK (amount >= 0),
  refund_amount DECIMAL(18, 2) NOT NULL DEFAULT 0 CHECK (refund_amount >= 0 AND refund_amount <= amount),
  buyer_id VARCHAR,
  channel VARCHAR NOT NULL DEFAULT 'other' CHECK (channel IN ('live', 'video', 'product_card', 'other')),
  livestream_id VARCHAR,
  import_id VARCHAR,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  CHECK (livestream_id IS NULL OR channel = 'live')
);

-- One row per seller and local day. `source` says whether the row was derived from order lines
-- (then orders/buyers are exact) or imported from a daily performance export.
CREATE TABLE seller_days (
  seller_id VARCHAR NOT NULL,
  date DATE NOT NULL,
  source VARCHAR NOT NULL CHECK (source IN ('order_lines', 'import')),
  gmv DECIMAL(18, 2) NOT NULL DEFAULT 0 CHECK (gmv >= 0),
  cancelled_gmv DECIMAL(18, 2) NOT NULL DEFAULT 0 CHECK (cancelled_gmv >= 0 AND cancelled_gmv <= gmv),
  refunds DECIMAL(18, 2) NOT NULL DEFAULT 0 CHECK (refunds >= 0),
  orders INTEGER NOT NULL DEFAULT 0 CHECK (orders >= 0),
  items_sold INTEGER NOT NULL DEFAULT 0 CHECK (items_sold >= 0),
  buyers INTEGER CHECK (buyers >= 0),
  visitors INTEGER CHECK (visitors >= 0),
  page_views INTEGER CHECK (page_views >= 0),
  product_impressions BIGINT CHECK (product_impressions >= 0),
  product_clicks BIGINT CHECK (product_clicks >= 0),
  live_gmv DECIMAL(18, 2) NOT NULL DEFAULT 0 CHECK (live_gmv >= 0),
  video_gmv DECIMAL(18, 2) NOT NULL DEFAULT 0 CHECK (video_gmv >= 0),
  product_card_gmv DECIMAL(18, 2) NOT NULL DEFAULT 0 CHECK (product_card_gmv >= 0),
  import_id VARCHAR,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  PRIMARY KEY (seller_id, date)
);

CREATE TABLE livestreams (
  id VARCHAR PRIMARY KEY,
  seller_id VARCHAR NOT NULL,
  host VARCHAR,
  title VARCHAR,
  started_at TIMESTAMPTZ NOT NULL,
  start_date DATE NOT NULL, -- local date of started_at in the workspace time zone
  ended_at TIMESTAMPTZ,
  duration_s INTEGER CHECK (duration_s >= 0),
  impressions BIGINT CHECK (impressions >= 0), -- LIVE impressions (room shown in feeds)
  views BIGINT CHECK (views >= 0),
  viewers BIGINT CHECK (viewers >= 0),
  peak_viewers INTEGER CHECK (peak_viewers >= 0),
  avg_viewers DOUBLE CHECK (avg_viewers >= 0),
  avg_view_duration_s DOUBLE CHECK (avg_view_duration_s >= 0),
  likes BIGINT CHECK (likes >= 0),
  comments BIGINT CHECK (comments >= 0),
  shares BIGINT CHECK (shares >= 0),
  new_followers BIGINT CHECK (new_followers >= 0),
  product_impressions BIGINT CHECK (product_impressions >= 0),
  product_clicks BIGINT CHECK (product_clicks >= 0),
  orders INTEGER CHECK (orders >= 0),
  items_sold INTEGER CHECK (items_sold >= 0),
  buyers INTEGER CHECK (buyers >= 0),
  gmv DECIMAL(18, 2) CHECK (gmv >= 0),
  products_count INTEGER CHECK (products_count >= 0),
  gifts_value DECIMAL(18, 2) CHECK (gifts_value >= 0),
  import_id VARCHAR,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  CHECK (ended_at IS NULL OR ended_at >= started_at),
  CHECK (viewers IS NULL OR views IS NULL OR viewers <= views),
  CHECK (product_clicks IS NULL OR product_impressions IS NULL OR product_clicks <= product_impressions)
);
CREATE INDEX livestreams_seller_idx ON livestreams (seller_id);

CREATE TABLE livestream_minutes (
  livestream_id VARCHAR NOT NULL,
  minute INTEGER NOT NULL CHECK (minute >= 0), -- minutes since the session started
  viewers_online INTEGER CHECK (viewers_online >= 0),
  enters INTEGER CHECK (enters >= 0),
  likes INTEGER CHECK (likes >= 0),
  comments INTEGER CHECK (comments >= 0),
  shares INTEGER CHECK (shares >= 0),
  product_clicks INTEGER CHECK (product_clicks >= 0),
  orders INTEGER CHECK (orders >= 0),
  gmv DECIMAL(18, 2) CHECK (gmv >= 0),
  import_id VARCHAR
);

CREATE SEQUENCE rubrics_id_seq START 1;
CREATE TABLE rubrics (
  id BIGINT PRIMARY KEY DEFAULT nextval('rubrics_id_seq'),
  version INTEGER NOT NULL UNIQUE CHECK (version >= 1),
  criteria JSON NOT NULL, -- [{key, label, weight, anchors: {1..5: text}}]
  is_active BOOLEAN NOT NULL DEFAULT false,
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE livestream_reviews_id_seq START 1;
CREATE TABLE livestream_reviews (
  id BIGINT PRIMARY KEY DEFAULT nextval('livestream_reviews_id_seq'),
  livestream_id VARCHAR NOT NULL,
  rubric_id BIGINT NOT NULL REFERENCES rubrics (id),
  reviewer VARCHAR NOT NULL,
  scores JSON NOT NULL, -- {criterion key: 1..5}
  notes VARCHAR,
  tags VARCHAR[] NOT NULL DEFAULT [],
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  UNIQUE (livestream_id, reviewer)
);

-- Targets: scope is 'category' (the whole category), 'subcategory:<id>', 'seller_tier:<tier>' or
-- 'seller:<id>'; period is a month 'YYYY-MM' or an ISO week 'YYYY-Www'.
CREATE TABLE kpi_targets (
  metric VARCHAR NOT NULL,
  scope VARCHAR NOT NULL CHECK (regexp_full_match(scope, 'category|(subcategory|seller_tier|seller):.+')),
  period VARCHAR NOT NULL CHECK (regexp_full_match(period, '[0-9]{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4][0-9]|5[0-3]))')),
  value DOUBLE NOT NULL,
  updated_by VARCHAR,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  PRIMARY KEY (metric, scope, period)
);

CREATE SEQUENCE alert_rules_id_seq START 1;
CREATE TABLE alert_rules (
  id BIGINT PRIMARY KEY DEFAULT nextval('alert_rules_id_seq'),
  name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL CHECK (kind IN ('anomaly', 'threshold')),
  metric VARCHAR NOT NULL,
  scope VARCHAR NOT NULL DEFAULT 'category',
  comparator VARCHAR CHECK (comparator IN ('<', '<=', '>', '>=')),
  threshold DOUBLE,
  grain VARCHAR NOT NULL DEFAULT 'day' CHECK (grain IN ('day', 'week', 'month')),
  enabled BOOLEAN NOT NULL DEFAULT true,
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  CHECK (kind = 'anomaly' OR (comparator IS NOT NULL AND threshold IS NOT NULL))
);

CREATE SEQUENCE alerts_id_seq START 1;
CREATE TABLE alerts (
  id BIGINT PRIMARY KEY DEFAULT nextval('alerts_id_seq'),
  rule VARCHAR NOT NULL,
  metric VARCHAR NOT NULL,
  scope VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  observed DOUBLE,
  expected DOUBLE,
  severity VARCHAR NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
  status VARCHAR NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'acknowledged', 'resolved')),
  explanation JSON,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  UNIQUE (rule, metric, scope, period)
);

CREATE SEQUENCE communications_id_seq START 1;
CREATE TABLE communications (
  id BIGINT PRIMARY KEY DEFAULT nextval('communications_id_seq'),
  seller_id VARCHAR NOT NULL REFERENCES sellers (id),
  "at" TIMESTAMPTZ NOT NULL, -- quoted: AT is a keyword
  channel VARCHAR NOT NULL CHECK (channel IN ('call', 'meeting', 'email', 'chat', 'on_site')),
  direction VARCHAR NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  participants VARCHAR,
  subject VARCHAR NOT NULL CHECK (length(trim(subject)) > 0),
  summary VARCHAR,
  outcome VARCHAR,
  next_action VARCHAR,
  due_at DATE,
  owner VARCHAR,
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  CHECK (due_at IS NULL OR next_action IS NOT NULL)
);

CREATE SEQUENCE tasks_id_seq START 1;
CREATE TABLE tasks (
  id BIGINT PRIMARY KEY DEFAULT nextval('tasks_id_seq'),
  title VARCHAR NOT NULL CHECK (length(trim(title)) > 0),
  seller_id VARCHAR REFERENCES sellers (id),
  status VARCHAR NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'waiting', 'done')),
  owner VARCHAR,
  due_at DATE,
  priority VARCHAR NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  tags VARCHAR[] NOT NULL DEFAULT [],
  source VARCHAR NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'opportunity', 'alert', 'review', 'communication')),
  source_ref VARCHAR,
  recurrence VARCHAR, -- e.g. 'weekly'
  description VARCHAR,
  completed_at TIMESTAMPTZ,
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  CHECK ((status = 'done') = (completed_at IS NOT NULL))
);

CREATE SEQUENCE notes_id_seq START 1;
CREATE TABLE notes (
  id BIGINT PRIMARY KEY DEFAULT nextval('notes_id_seq'),
  title VARCHAR NOT NULL CHECK (length(trim(title)) > 0),
  body_md VARCHAR NOT NULL DEFAULT '',
  tags VARCHAR[] NOT NULL DEFAULT [],
  seller_id VARCHAR REFERENCES sellers (id),
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE TABLE imports (
  id VARCHAR PRIMARY KEY,
  file VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL CHECK (length(sha256) = 64),
  kind VARCHAR NOT NULL CHECK (kind IN ('sellers', 'products', 'orders', 'seller_daily', 'livestreams', 'livestream_minutes')),
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

CREATE SEQUENCE reports_id_seq START 1;
CREATE TABLE reports (
  id BIGINT PRIMARY KEY DEFAULT nextval('reports_id_seq'),
  kind VARCHAR NOT NULL CHECK (kind IN ('weekly', 'monthly')),
  period VARCHAR NOT NULL,
  formats VARCHAR[] NOT NULL,
  path VARCHAR NOT NULL,
  status VARCHAR NOT NULL DEFAULT 'done' CHECK (status IN ('running', 'done', 'failed')),
  error VARCHAR,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  "by" VARCHAR NOT NULL
);
