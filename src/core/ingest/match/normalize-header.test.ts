import { describe, expect, it } from 'vitest';
import { headerKey, headerTokens, strippedHeaderKey } from './normalize-header.ts';

describe('header normalisation', () => {
  it.each([
    ['Order ID', 'orderid'],
    ['order_id', 'orderid'],
    ['ORDER-ID', 'orderid'],
    ['orderId', 'orderid'],
    ['ｏｒｄｅｒ　ＩＤ', 'orderid'],
    ['  Avg. Viewing Duration  ', 'avgviewingduration'],
    ['Thời gian bắt đầu', 'thoigianbatdau'],
    ['Đơn hàng', 'donhang'],
    ['开播时间', '开播时间'],
    ['Revenue (Rp)', 'revenuerp'],
  ])('%s → %s', (header, key) => {
    expect(headerKey(header)).toBe(key);
  });

  it('drops bracketed units only in the stripped key, full-width brackets included', () => {
    expect(strippedHeaderKey('Revenue (Rp)')).toBe('revenue');
    expect(strippedHeaderKey('销售额（元）')).toBe('销售额');
    expect(strippedHeaderKey('GMV [IDR]')).toBe('gmv');
    expect(strippedHeaderKey('Views')).toBe('views');
  });

  it('keeps Thai vowel and tone marks, which are combining characters', () => {
    expect(headerKey('ผู้ชม')).not.toBe(headerKey('ผชม'));
    expect(headerKey('ผู้ชม')).toBe('ผู้ชม');
  });

  it('splits words for fuzzy comparison', () => {
    expect(headerTokens('Avg. Viewing Duration (s)')).toEqual(['avg', 'viewing', 'duration', 's']);
    expect(headerTokens('newFollowers')).toEqual(['new', 'followers']);
  });
});
