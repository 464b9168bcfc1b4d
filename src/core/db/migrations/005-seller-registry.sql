-- Seller registry: owner assignment and category edits that work, merges, and saved grid views.
--
-- 1. `sellers` without foreign keys to `categories` and `users`. DuckDB backs a foreign key with an
--    index on the referencing column and executes an UPDATE of an indexed column as delete + insert,
--    which the foreign keys from seller_history, communications, tasks and notes then refuse: a
--    seller with any history could not get an owner or a new category ("Violates foreign key
--    constraint because key seller_id is still referenced"). The registry checks those ids itself
--    (src/core/sellers/registry.ts, the importer's category lookup). DuckDB can neither drop a
--    constraint nor drop a referenced table, so the five tables are copied, dropped and recreated
--    with the same columns, checks and sequences; the tables referencing `sellers` keep their keys.
CREATE TEMP TABLE sellers_copy AS SELECT * FROM sellers;
CREATE TEMP TABLE seller_history_copy AS SELECT * FROM seller_history;
CREATE TEMP TABLE communications_copy AS SELECT * FROM communications;
CREATE TEMP TABLE tasks_copy AS SELECT * FROM tasks;
CREATE TEMP TABLE notes_copy AS SELECT * FROM notes;
DROP TABLE seller_history;
DROP TABLE communications;
DROP TABLE tasks;
DROP TABLE notes;
DROP TABLE sellers;

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
  category_id VARCHAR, -- categories.id (no foreign key: see the note above)
  subcategory_id VARCHAR, -- categories.id
  status VARCHAR NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'suspended', 'closed')),
  onboarded_at DATE,
  account_manager VARCHAR,
  contact_name VARCHAR,
  contact_email VARCHAR,
  contact_phone VARCHAR,
  followers BIGINT CHECK (followers >= 0),
  product_count INTEGER CHECK (product_count >= 0),
  store_rating DECIMAL(3, 2) CHECK (store_rating BETWEEN 0 AND 5),
  owner_user_id BIGINT, -- users.id, Aisle's owner (account manager)
  first_seen DATE,
  last_seen DATE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  CHECK (last_seen IS NULL OR first_seen IS NULL OR last_seen >= first_seen)
);
-- Still no index on any other sellers column, for the same reason.

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

INSERT INTO sellers SELECT * FROM sellers_copy;
INSERT INTO seller_history SELECT * FROM seller_history_copy;
INSERT INTO communications SELECT * FROM communications_copy;
INSERT INTO tasks SELECT * FROM tasks_copy;
INSERT INTO notes SELECT * FROM notes_copy;
DROP TABLE sellers_copy;
DROP TABLE seller_history_copy;
DROP TABLE communications_copy;
DROP TABLE tasks_copy;
DROP TABLE notes_copy;

-- 2. A seller found to be the same as another: every fact moved to `into_id`, the merged seller
--    kept (status 'closed') so old links and history still resolve, and left out of lists.
CREATE TABLE seller_merges (
  merged_id VARCHAR PRIMARY KEY,
  into_id VARCHAR NOT NULL,
  moved JSON NOT NULL, -- rows moved per table, for the record
  "by" VARCHAR NOT NULL,
  "at" TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  CHECK (merged_id <> into_id)
);

-- 3. A user's saved view of the Sellers grid: filters, sort, period and columns as JSON.
CREATE SEQUENCE seller_views_id_seq START 1;
CREATE TABLE seller_views (
  id BIGINT PRIMARY KEY DEFAULT nextval('seller_views_id_seq'),
  user_id BIGINT NOT NULL, -- users.id
  name VARCHAR NOT NULL CHECK (length(trim(name)) > 0),
  state JSON NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  UNIQUE (user_id, name)
);
