/**
 * Interaction and sales counters that a livestream session and a minute of it share. Only plain
 * counts live here; headers that mean a rate ("CTR", "CO rate", "Like rate"), a derived metric
 * (客单价 / "Average Price (Rp)": AOV; "GPM") or something else ("SKU orders", "Orders Created",
 * "Ads GMV", "Different Products Sold") are left out on purpose: Aisle computes rates itself from
 * the counts, and a near-synonym would load the wrong number silently.
 */
import { count, money } from './field-builders.ts';

export const likes = count('likes', 'Likes', [
  'Likes',
  'Like count',
  'Total likes',
  '点赞数',
  '点赞量',
  '点赞',
  'Suka',
  'Jumlah suka',
  'ถูกใจ',
  'ยอดไลก์',
  'Lượt thích',
  'Thích',
]);

export const comments = count('comments', 'Comments', [
  'Comments',
  'Comment count',
  '评论数',
  '评论量',
  '评论',
  'Komentar',
  'ความคิดเห็น',
  'คอมเมนต์',
  'Bình luận',
  'Lượt bình luận',
]);

export const shares = count('shares', 'Shares', [
  'Shares',
  'Share count',
  '分享数',
  '分享次数',
  '分享',
  'Bagikan',
  'Dibagikan',
  'Jumlah bagikan',
  'แชร์',
  'การแชร์',
  'Chia sẻ',
  'Lượt chia sẻ',
]);

export const productClicks = count('product_clicks', 'Product clicks', [
  'Product Clicks',
  'Product click count',
  '商品点击次数',
  '商品点击',
  'Klik produk',
  'การคลิกสินค้า',
  'Lượt nhấp sản phẩm',
  'Lượt click sản phẩm',
]);

export const orders = count('orders', 'Orders', [
  'Orders',
  'Orders Paid',
  'Attributed orders',
  'Paid orders',
  'Order count',
  '订单数',
  '成交订单数',
  '支付订单数',
  '订单量',
  'Pesanan',
  'Pesanan dibayar',
  'Jumlah pesanan',
  'คำสั่งซื้อ',
  'จำนวนคำสั่งซื้อ',
  'Đơn hàng',
  'Số đơn hàng',
]);

export const liveGmv = money('gmv', 'GMV', [
  'GMV',
  'Attributed GMV',
  'Revenue',
  'Direct GMV',
  'LIVE GMV',
  'Total GMV',
  'Sales',
  'Sales amount',
  '销售额',
  '成交金额',
  '直播销售额',
  '直播成交金额',
  '支付金额',
  'Pendapatan',
  'Penjualan',
  'Omzet',
  'ยอดขาย',
  'Doanh thu',
  'Doanh số',
]);
