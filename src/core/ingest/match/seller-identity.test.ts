import { describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/errors.ts';
import { KINDS } from '../kinds/index.ts';
import { matchColumns } from './match-columns.ts';
import { sellerIdentity } from './seller-identity.ts';

function identity(headers: string[], kind: keyof typeof KINDS, seller?: string) {
  const matching = matchColumns(headers, KINDS[kind]);
  return sellerIdentity(KINDS[kind], matching.columns, matching.missingRequired, seller);
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isUserError(error)) return `${error.message} → ${error.hint ?? ''}`;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('sellerIdentity', () => {
  it('leaves a file with a seller column as it is', () => {
    expect(identity(['Creator ID', 'Start time'], 'livestreams')).toEqual({ seller: null, standIns: [], missingRequired: [] });
  });

  it('takes --seller for a file without a seller column, which then misses nothing', () => {
    expect(identity(['Start time', 'Views'], 'livestreams')).toMatchObject({ missingRequired: ['seller_id or seller_name'] });
    expect(identity(['Start time', 'Views'], 'livestreams', '  Glow Lab ')).toEqual({ seller: 'Glow Lab', standIns: [], missingRequired: [] });
    // Other missing fields stay missing.
    expect(identity(['Views'], 'livestreams', 'S-1').missingRequired).toEqual(['started_at']);
  });

  it('treats a blank --seller as not given', () => {
    expect(identity(['Start time'], 'livestreams', '  ')).toMatchObject({ seller: null, missingRequired: ['seller_id or seller_name'] });
  });

  it('refuses --seller when the file has a seller column, naming the column and how to drop it', () => {
    expect(refusal(() => identity(['Shop Name', 'Start time'], 'livestreams', 'S-1'))).toBe(
      'the seller for every row ("S-1") conflicts with the file\'s seller column "Shop Name" (seller_name): each row already names its seller' +
        ' → leave the seller for every row out (--seller), or ignore the column "Shop Name" (--map "Shop Name=") to file every row under "S-1"',
    );
  });

  it('refuses --seller for livestream minutes, which have no seller', () => {
    expect(refusal(() => identity(['Live ID', 'Minute'], 'livestream_minutes', 'S-1'))).toMatch(/^livestream_minutes takes no seller for every row/);
  });

  it('lets a sellers list identified only by its shop name use it as the seller name', () => {
    expect(identity(['Shop name', 'Tier'], 'sellers')).toEqual({
      seller: null,
      standIns: [{ column: 0, header: 'Shop name', field: 'seller_name', standsIn: true }],
      missingRequired: [],
    });
    // With a seller id or name column, the shop name is only the shop's name.
    expect(identity(['Seller ID', 'Shop name'], 'sellers').standIns).toEqual([]);
    expect(identity(['Seller name', 'Shop name'], 'sellers').standIns).toEqual([]);
  });

  it('does not let the shop name stand in for other kinds, where it is the seller name already', () => {
    expect(identity(['Shop Name', 'Start time'], 'livestreams').standIns).toEqual([]);
  });
});
