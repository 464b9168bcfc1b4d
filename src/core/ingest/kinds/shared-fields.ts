/**
 * Fields that several kinds share: how a seller is named in a fact export, the taxonomy and the
 * currency. Declared once so that "Shop name" means the same thing in orders, seller days and
 * livestreams.
 */
import { id, text } from './field-builders.ts';

export const sellerId = id('seller_id', 'Seller ID', [
  'Seller ID',
  'Shop ID',
  'Store ID',
  'Seller code',
  'Shop code',
  'Merchant ID',
  '商家ID',
  '店铺ID',
  '商家编号',
  'ID Toko',
  'ID Penjual',
  'รหัสร้านค้า',
  'Mã cửa hàng',
  'Mã người bán',
]);

// In fact exports (orders, seller days, livestreams) the shop is the seller: a shop name names
// the seller. The sellers kind keeps shop_name as its own field (see sellers.ts).
export const sellerName = text('seller_name', 'Seller name', [
  'Seller name',
  'Seller',
  'Shop name',
  'Shop',
  'Store name',
  'Store',
  'Merchant name',
  'Merchant',
  '商家名称',
  '商家',
  '店铺名称',
  '店铺',
  'Nama toko',
  'Toko',
  'Nama penjual',
  'Penjual',
  'ชื่อร้านค้า',
  'ร้านค้า',
  'Tên cửa hàng',
  'Cửa hàng',
  'Tên người bán',
  'Người bán',
]);

export const category = text('category', 'Category', [
  'Category',
  'Product Category',
  'Main category',
  'Primary category',
  'Level 1 category',
  '类目',
  '一级类目',
  '主营类目',
  '商品类目',
  'Kategori',
  'Kategori utama',
  'หมวดหมู่',
  'Danh mục',
  'Ngành hàng',
]);

export const subcategory = text('subcategory', 'Subcategory', [
  'Subcategory',
  'Sub-category',
  'Secondary category',
  'Level 2 category',
  '二级类目',
  '子类目',
  'Subkategori',
  'หมวดหมู่ย่อย',
  'Danh mục con',
]);

export const currency = text('currency', 'Currency', [
  'Currency',
  'Currency code',
  '币种',
  '货币',
  'Mata uang',
  'สกุลเงิน',
  'Tiền tệ',
  'Đơn vị tiền tệ',
]);

export const livestreamId = id('livestream_id', 'Livestream ID', [
  'Livestream ID',
  'Live ID',
  'Live session ID',
  'Room ID',
  'Stream ID',
  '直播ID',
  '直播间ID',
  '场次ID',
  'ID Live',
  'ID siaran langsung',
  'ID phiên live',
]);

/** The one-of rule every kind with a seller shares: an id, or a name when the export has none. */
export const SELLER_ONE_OF = ['seller_id', 'seller_name'];
