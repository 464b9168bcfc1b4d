-- Mapping profiles: how the columns of an export of a given shape (its header signature) were
-- mapped last time, so next week's export of the same shape maps itself.
CREATE TABLE import_mapping_profiles (
  kind VARCHAR NOT NULL CHECK (kind IN ('sellers', 'products', 'orders', 'seller_daily', 'livestreams', 'livestream_minutes')),
  signature VARCHAR NOT NULL,
  mapping JSON NOT NULL, -- {source header: field or null}
  header_row INTEGER CHECK (header_row >= 1),
  sheet VARCHAR,
  updated_by VARCHAR NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  PRIMARY KEY (kind, signature)
);
