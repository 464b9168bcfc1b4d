import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { Actor } from '../auth/actor.ts';
import { CLI_ACTOR } from '../auth/actor.ts';
import { listAudit } from '../auth/audit-log.ts';
import { createUser, updateUser } from '../auth/users.ts';
import { importFile } from '../ingest/run-import.ts';
import { makeTempDir, openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../../test/support/tiny-dataset.ts';
import { assignOwner, getSeller, sellerHistory, updateSeller } from './registry.ts';
import { COMPLETENESS_FIELDS } from './profile-completeness.ts';

const analyst: Actor = { userId: 3, label: 'analyst@shop.test', role: 'analyst' };
const manager: Actor = { userId: 2, label: 'manager@shop.test', role: 'manager' };

describe('seller registry: edits, history, owners, completeness', () => {
  let db: Database;
  let tmp: { dir: string; remove: () => Promise<void> };
  let rina: number;
  let budi: number;
  const counts = async () =>
    (await db.query<{ history: number; audit: number }>(sql`SELECT (SELECT count(*) FROM seller_history) AS history, (SELECT count(*) FROM audit_log) AS audit`))[0];

  beforeAll(async () => {
    tmp = await makeTempDir();
    db = await openMigratedMemoryDb();
    await db.exec(TINY_DATASET);
    rina = (await createUser(db, CLI_ACTOR, { email: 'rina@shop.test', displayName: 'Rina', role: 'analyst', password: 'correct horse battery staple' })).id;
    budi = (await createUser(db, CLI_ACTOR, { email: 'budi@shop.test', displayName: 'Budi', role: 'manager', password: 'correct horse battery staple' })).id;
  });
  afterAll(async () => {
    await db.close();
    await tmp.remove();
  });

  it('records each changed field with old, new, who and source, and audits the edit', async () => {
    const result = await updateSeller(db, analyst, 's1', {
      contact_email: '  Owner@CasaRapi.CO.ID ',
      postal_code: '01310',
      store_rating: '4.5',
      region: 'Jakarta', // unchanged: not recorded
      subcategory: 'skin_care', // fills its category too
    });
    expect(result.changed.sort()).toEqual(['category', 'contact_email', 'postal_code', 'store_rating', 'subcategory']);
    expect(result.seller).toMatchObject({ contact_email: 'owner@casarapi.co.id', postal_code: '01310', store_rating: 4.5, category: 'personal_care', subcategory: 'skin_care' });
    const history = await sellerHistory(db, 's1');
    expect(history.map((h) => [h.field, h.old, h.new, h.by, h.source]).sort()).toEqual([
      ['category', 'home_living', 'personal_care', 'analyst@shop.test', 'user'],
      ['contact_email', null, 'owner@casarapi.co.id', 'analyst@shop.test', 'user'],
      ['postal_code', null, '01310', 'analyst@shop.test', 'user'],
      ['store_rating', null, '4.50', 'analyst@shop.test', 'user'],
      ['subcategory', 'kitchen', 'skin_care', 'analyst@shop.test', 'user'],
    ]);
    const { entries } = await listAudit(db, { entity: 'seller' });
    expect(entries[0]).toMatchObject({ action: 'update', actor: 'analyst@shop.test', entityId: 's1', after: { postal_code: '01310', store_rating: '4.5' } });

    // The same values again change nothing and write nothing.
    const before = await counts();
    expect((await updateSeller(db, analyst, 's1', { postal_code: '01310', store_rating: 4.5 })).changed).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('refuses bad values naming the field and the value, and writes nothing', async () => {
    const before = await counts();
    const refused = async (changes: Record<string, unknown>) => {
      try {
        await updateSeller(db, analyst, 's2', changes);
      } catch (error) {
        return error as { message: string; details: { field: string; value: unknown } };
      }
      throw new Error(`accepted ${JSON.stringify(changes)}`);
    };
    expect(await refused({ contact_email: 'not-an-email' })).toMatchObject({ message: 'contact_email "not-an-email" is not an e-mail address', details: { field: 'contact_email', value: 'not-an-email' } });
    expect((await refused({ contact_phone: 'call me' })).message).toBe('contact_phone "call me" is not a phone number (digits, spaces, + ( ) - .)');
    expect((await refused({ seller_type: 'wholesaler' })).message).toBe('seller_type "wholesaler" must be one of brand, official, reseller, creator, other');
    expect((await refused({ store_rating: 6 })).message).toBe('store_rating 6 must be a number from 0 to 5');
    expect((await refused({ postal_code: 1310 })).message).toBe('postal_code 1310 must be written as text (a number would lose leading zeros)');
    expect((await refused({ followers: -3 })).message).toMatch(/^followers -3 must be a whole number/);
    expect((await refused({ onboarded_at: '2026-02-30' })).message).toBe('onboarded_at "2026-02-30" must be a date YYYY-MM-DD');
    expect((await refused({ seller_name: '  ' })).message).toBe('seller_name "  " is required');
    expect((await refused({ category: 'garden' })).details).toEqual(expect.objectContaining({ field: 'category', value: 'garden' }));
    expect((await refused({ subcategory: 'home_living' })).message).toBe('subcategory "home_living" is a top-level category');
    expect((await refused({ category: 'home_living' })).message).toBe('subcategory "skin_care" belongs to category "personal_care", not "home_living"');
    expect((await refused({ owner_user_id: 1 })).message).toBe('"owner_user_id" is not a seller profile field');
    // Several problems at once are all listed.
    const both = await refused({ contact_email: 'x', store_rating: 'high' });
    expect(both.message).toBe('contact_email "x" is not an e-mail address; store_rating "high" must be a number from 0 to 5');
    await expect(updateSeller(db, analyst, 'nobody', { city: 'Bogor' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await counts()).toEqual(before);
    expect((await getSeller(db, 's2')).contact_email).toBeNull();
  });

  it('assigns an owner to many sellers at once, records it, and skips sellers that already have that owner', async () => {
    const first = await assignOwner(db, manager, ['s1', 's2', 's1'], rina);
    expect(first).toEqual({ owner: { id: rina, name: 'Rina', email: 'rina@shop.test' }, changed: 2 });
    expect((await assignOwner(db, manager, ['s1', 's2'], rina)).changed).toBe(0);
    expect((await assignOwner(db, manager, ['s2'], budi)).changed).toBe(1);
    const s2 = await getSeller(db, 's2');
    expect([s2.owner_user_id, s2.owner_name]).toEqual([budi, 'Budi']);
    const owners = (await sellerHistory(db, 's2')).filter((h) => h.field === 'owner').map((h) => [h.old, h.new, h.by]);
    expect(owners).toEqual([
      ['rina@shop.test', 'budi@shop.test', 'manager@shop.test'],
      [null, 'rina@shop.test', 'manager@shop.test'],
    ]);
    const { entries } = await listAudit(db, { entity: 'seller_owner' });
    expect(entries.at(-1)?.after).toEqual({ owner: 'rina@shop.test', changed: 2, sellers: ['s1', 's2'] });

    expect((await assignOwner(db, manager, ['s2'], null)).changed).toBe(1);
    expect((await getSeller(db, 's2')).owner_user_id).toBeNull();
    await expect(assignOwner(db, manager, ['s1', 'ghost'], budi)).rejects.toThrow('no seller with id ghost');
    await expect(assignOwner(db, manager, [], budi)).rejects.toThrow('no sellers chosen');
    await expect(assignOwner(db, manager, ['s1'], 999)).rejects.toThrow('no user with id 999');
    await updateUser(db, CLI_ACTOR, budi, { disabled: true });
    await expect(assignOwner(db, manager, ['s1'], budi)).rejects.toThrow('budi@shop.test is disabled');
    expect((await getSeller(db, 's1')).owner_user_id).toBe(rina);
  });

  it('scores profile completeness and lists the missing fields', async () => {
    await db.exec(`INSERT INTO sellers (id, name, name_key, shop_name, brand, seller_type, category_id, subcategory_id, region, city, onboarded_at, contact_name, contact_email, contact_phone, owner_user_id)
      VALUES ('full', 'Full Profile', 'full profile', 'Full Shop', 'Fullo', 'brand', 'home_living', 'kitchen', 'Jakarta', 'Jakarta', DATE '2025-01-01', 'Ana', 'ana@full.test', '+62 811 000 111', ${rina}),
             ('bare', 'Bare', 'bare', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`);
    expect(await getSeller(db, 'full')).toMatchObject({ completeness: 100, missing_fields: [] });
    const bare = await getSeller(db, 'bare');
    expect(bare.completeness).toBe(0);
    expect(bare.missing_fields).toEqual(COMPLETENESS_FIELDS.map((f) => f.field));
    // s1: 12 fields, of which category, subcategory, region, contact e-mail and owner are known.
    expect(await getSeller(db, 's1')).toMatchObject({ completeness: 42, missing_fields: ['shop_name', 'brand', 'seller_type', 'city', 'onboarded_at', 'contact_name', 'contact_phone'] });
  });

  it('keeps import changes and user edits of the same field apart by their source', async () => {
    const file = path.join(tmp.dir, 'sellers.csv');
    await writeFile(file, 'Seller ID,Shop Name,City\ns2,Glow Lab Official,Bandung\n');
    const result = await importFile(db, file, { kind: 'sellers', by: 'cli' });
    await updateSeller(db, analyst, 's2', { city: 'Cimahi' });
    const history = (await sellerHistory(db, 's2')).filter((h) => h.field === 'city' || h.field === 'shop_name');
    expect(history.map((h) => [h.field, h.old, h.new, h.by, h.source])).toEqual([
      ['city', 'Bandung', 'Cimahi', 'analyst@shop.test', 'user'],
      ['city', null, 'Bandung', `import:${result.importId}`, 'import'],
      ['shop_name', null, 'Glow Lab Official', `import:${result.importId}`, 'import'],
    ]);
  });
});
