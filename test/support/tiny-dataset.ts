/**
 * A dataset small enough to check by hand: two sellers, a few days, two sessions. Seller s1's days
 * are derived from its order lines (the lines below add up to them: GMV, orders, items, buyers and
 * the channel split); seller s2's days are imported daily rows without lines.
 */
export const TINY_DATASET = `
INSERT INTO categories (id, parent_id, name) VALUES ('home_living', NULL, 'Home & Living'), ('personal_care', NULL, 'Personal Care');
INSERT INTO categories (id, parent_id, name) VALUES ('kitchen', 'home_living', 'Kitchen'), ('skin_care', 'personal_care', 'Skin care');
INSERT INTO sellers (id, name, name_key, tier, region, category_id, subcategory_id, first_seen, last_seen) VALUES
  ('s1', 'Casa Rapi', 'casa rapi', 'A', 'Jakarta', 'home_living', 'kitchen', DATE '2026-11-09', DATE '2026-11-10'),
  ('s2', 'Glow Lab', 'glow lab', 'B', 'Bandung', 'personal_care', 'skin_care', DATE '2026-11-10', DATE '2026-11-16');
INSERT INTO seller_days (seller_id, date, source, gmv, cancelled_gmv, refunds, orders, items_sold, buyers, live_gmv, video_gmv, product_card_gmv) VALUES
  ('s1', DATE '2026-11-09', 'order_lines', 100.00, 10.00, 5.00, 4, 5, 3, 60.00, 25.00, 15.00),
  ('s1', DATE '2026-11-10', 'order_lines', 300.00, 0, 0, 6, 8, 5, 0, 50.00, 205.00),
  ('s2', DATE '2026-11-10', 'import', 50.50, 0, 0, 1, 1, 1, 0, 0, 0),
  ('s2', DATE '2026-11-16', 'import', 1000.00, 0, 0, 10, 12, 9, 0, 0, 0);
INSERT INTO order_lines (order_id, line_no, ordered_at, order_date, status, seller_id, quantity, amount, refund_amount, buyer_id, channel, livestream_id) VALUES
  ('o1', 1, TIMESTAMPTZ '2026-11-09 19:10:00+00', DATE '2026-11-09', 'completed', 's1', 1, 30.00, 0, 'b1', 'live', 'l1'),
  ('o1', 2, TIMESTAMPTZ '2026-11-09 19:10:00+00', DATE '2026-11-09', 'completed', 's1', 1, 30.00, 0, 'b1', 'live', 'l1'),
  ('o2', 1, TIMESTAMPTZ '2026-11-09 09:00:00+00', DATE '2026-11-09', 'cancelled', 's1', 1, 10.00, 0, 'b2', 'product_card', NULL),
  ('o3', 1, TIMESTAMPTZ '2026-11-09 10:00:00+00', DATE '2026-11-09', 'refunded', 's1', 1, 25.00, 5.00, 'b3', 'video', NULL),
  ('o4', 1, TIMESTAMPTZ '2026-11-09 11:00:00+00', DATE '2026-11-09', 'completed', 's1', 1, 5.00, 0, 'b1', 'product_card', NULL),
  ('o5', 1, TIMESTAMPTZ '2026-11-10 08:00:00+00', DATE '2026-11-10', 'completed', 's1', 2, 100.00, 0, 'b1', 'product_card', NULL),
  ('o5', 2, TIMESTAMPTZ '2026-11-10 08:00:00+00', DATE '2026-11-10', 'completed', 's1', 1, 20.00, 0, 'b1', 'other', NULL),
  ('o6', 1, TIMESTAMPTZ '2026-11-10 09:00:00+00', DATE '2026-11-10', 'completed', 's1', 1, 50.00, 0, 'b4', 'video', NULL),
  ('o7', 1, TIMESTAMPTZ '2026-11-10 10:00:00+00', DATE '2026-11-10', 'completed', 's1', 1, 40.00, 0, 'b5', 'product_card', NULL),
  ('o8', 1, TIMESTAMPTZ '2026-11-10 11:00:00+00', DATE '2026-11-10', 'completed', 's1', 1, 30.00, 0, 'b6', 'product_card', NULL),
  ('o9', 1, TIMESTAMPTZ '2026-11-10 12:00:00+00', DATE '2026-11-10', 'completed', 's1', 1, 35.00, 0, NULL, 'product_card', NULL),
  ('o10', 1, TIMESTAMPTZ '2026-11-10 13:00:00+00', DATE '2026-11-10', 'completed', 's1', 1, 25.00, 0, 'b2', 'other', NULL);
INSERT INTO livestreams (id, seller_id, host, started_at, start_date, duration_s, impressions, views, viewers, peak_viewers, avg_view_duration_s, likes, comments, shares, new_followers, gmv, product_clicks, product_impressions, orders, buyers) VALUES
  ('l1', 's1', 'Rina', TIMESTAMPTZ '2026-11-09 19:00:00+00', DATE '2026-11-09', 3600, 5000, 1000, 800, 120, 45, 50, 30, 20, 16, 60.00, 100, 400, 3, 3),
  ('l2', 's1', 'Rina', TIMESTAMPTZ '2026-11-10 19:00:00+00', DATE '2026-11-10', 7200, 100, 10, 10, 4, 30, 5, 0, 0, 0, 0, 1, 10, 0, 0);
`;
