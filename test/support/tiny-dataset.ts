/** A dataset small enough to check by hand: two sellers, a few days, two sessions. */
export const TINY_DATASET = `
INSERT INTO categories (id, parent_id, name) VALUES ('home_living', NULL, 'Home & Living'), ('personal_care', NULL, 'Personal Care');
INSERT INTO categories (id, parent_id, name) VALUES ('kitchen', 'home_living', 'Kitchen'), ('skin_care', 'personal_care', 'Skin care');
INSERT INTO sellers (id, name, name_key, tier, region, category_id, subcategory_id) VALUES
  ('s1', 'Casa Rapi', 'casa rapi', 'A', 'Jakarta', 'home_living', 'kitchen'),
  ('s2', 'Glow Lab', 'glow lab', 'B', 'Bandung', 'personal_care', 'skin_care');
INSERT INTO seller_days (seller_id, date, source, gmv, cancelled_gmv, refunds, orders, items_sold, live_gmv) VALUES
  ('s1', DATE '2026-11-09', 'order_lines', 100.00, 10.00, 5.00, 4, 5, 60.00),
  ('s1', DATE '2026-11-10', 'order_lines', 300.00, 0, 0, 6, 8, 0),
  ('s2', DATE '2026-11-10', 'import', 50.50, 0, 0, 1, 1, 0),
  ('s2', DATE '2026-11-16', 'import', 1000.00, 0, 0, 10, 12, 0);
INSERT INTO livestreams (id, seller_id, host, started_at, start_date, duration_s, views, viewers, likes, comments, shares, gmv, product_clicks, product_impressions, orders) VALUES
  ('l1', 's1', 'Rina', TIMESTAMPTZ '2026-11-09 19:00:00+00', DATE '2026-11-09', 3600, 1000, 800, 50, 30, 20, 60.00, 100, 400, 3),
  ('l2', 's1', 'Rina', TIMESTAMPTZ '2026-11-10 19:00:00+00', DATE '2026-11-10', 7200, 10, 10, 5, 0, 0, 0, 1, 10, 0);
`;
