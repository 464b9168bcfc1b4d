import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../core/db/database.ts';
import { sql } from '../core/db/sql.ts';
import { buildApp } from './app.ts';
import { makeTempDir, openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { createRoleUsers, sessionHeaders } from '../../test/support/sign-in.ts';

const CSV = [
  'Order ID,Created Time,Shop Name,Order Amount,Waktu Bayar',
  'A-1,2026-11-10 20:15:00,Casa Rapi,25.00,x',
  'A-2,2026-11-10 21:00:00,Casa Rapi,=HYPERLINK("http://evil"),x',
  'A-3,2026-11-11 09:30:00,Glow Lab,30.00,x',
].join('\n');

function multipart(fileName: string, content: string) {
  const boundary = '----aisle-test-boundary';
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('imports over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  let tmp: { dir: string; remove: () => Promise<void> };
  let analyst: Record<string, string>;
  beforeAll(async () => {
    tmp = await makeTempDir();
    db = await openMigratedMemoryDb();
    const users = await createRoleUsers(db);
    analyst = await sessionHeaders(db, users.analyst);
    app = await buildApp({ db, dataDir: tmp.dir, webDir: '/nonexistent', maxUploadBytes: 4096 });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await tmp.remove();
  });

  it('uploads, previews with suggestions and errors, imports the valid rows, and serves the rejects as safe CSV', async () => {
    const body = multipart('../../etc/orders nov.csv', CSV);
    const upload = await app.inject({ method: 'POST', url: '/api/imports/uploads', headers: { ...analyst, ...body.headers }, payload: body.payload });
    expect(upload.statusCode).toBe(201);
    const { uploadId, file } = upload.json<{ uploadId: string; file: string }>();
    expect(file).toBe('orders_nov.csv');
    expect(await readdir(path.join(tmp.dir, 'uploads', uploadId))).toEqual(['orders_nov.csv']);

    const preview = await app.inject({ method: 'POST', url: '/api/imports/preview', headers: analyst, payload: { uploadId, kind: 'orders' } });
    expect(preview.statusCode).toBe(200);
    const p = preview.json<{ headerRow: number; missingRequired: string[]; rowsRead: number; rowsRejected: number; columns: { header: string; field: string | null; samples: string[] }[]; rows: { row: number; errors: Record<string, string> }[] }>();
    expect(p).toMatchObject({ headerRow: 1, missingRequired: [], rowsRead: 3, rowsRejected: 1 });
    expect(p.columns.find((c) => c.header === 'Order ID')).toMatchObject({ field: 'order_id', samples: ['A-1', 'A-2', 'A-3'] });
    expect(p.columns.find((c) => c.header === 'Waktu Bayar')?.field).toBeNull();
    expect(p.rows.find((r) => r.row === 3)?.errors).toHaveProperty('amount');
    expect(await db.query(sql`SELECT count(*) AS n FROM order_lines`)).toEqual([{ n: 0 }]);

    const refused = await app.inject({ method: 'POST', url: '/api/imports', headers: analyst, payload: { uploadId, kind: 'orders' } });
    expect(refused.json()).toMatchObject({ status: 'rejected', rowsLoaded: 0 });
    const loaded = await app.inject({ method: 'POST', url: '/api/imports', headers: analyst, payload: { uploadId, kind: 'orders', skipInvalid: true } });
    expect(loaded.json()).toMatchObject({ status: 'loaded', rowsLoaded: 2, rowsRejected: 1 });
    const importId = loaded.json<{ importId: string }>().importId;

    const history = await app.inject({ url: '/api/imports', headers: analyst });
    expect(history.json<{ imports: { id: string; status: string; by: string }[] }>().imports[0]).toMatchObject({ id: importId, status: 'loaded', by: 'analyst@test.aisle' });

    const csv = await app.inject({ url: `/api/imports/${importId}/rejects.csv`, headers: analyst });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/orders_nov-rejected-rows\.csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('row,column,value,message,source 1,source 2,source 3,source 4,source 5');
    // The formula arrives as text: neutralised with a leading apostrophe in every cell it appears.
    expect(lines[1]).toMatch(/^3,Order Amount,"'=HYPERLINK\(""http:\/\/evil""\)",/);
    expect(lines[1]).not.toMatch(/,=HYPERLINK/);
  });

  it('refuses uploads over the size limit and unknown file types, keeping nothing', async () => {
    const big = multipart('big.csv', 'x'.repeat(10_000));
    const tooBig = await app.inject({ method: 'POST', url: '/api/imports/uploads', headers: { ...analyst, ...big.headers }, payload: big.payload });
    expect(tooBig.statusCode).toBe(413);
    const exe = multipart('tool.exe', 'MZ');
    const refused = await app.inject({ method: 'POST', url: '/api/imports/uploads', headers: { ...analyst, ...exe.headers }, payload: exe.payload });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/cannot import \.exe/);
    const before = await readdir(path.join(tmp.dir, 'uploads'));
    expect(before).toHaveLength(1); // only the upload of the first test
  });

  it('finds uploads only by their id', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/imports/preview', headers: analyst, payload: { uploadId: '../../etc/passwd', kind: 'orders' } });
    expect(res.statusCode).toBe(400);
    const unknown = await app.inject({ method: 'POST', url: '/api/imports/preview', headers: analyst, payload: { uploadId: '00000000-0000-4000-8000-000000000000', kind: 'orders' } });
    expect(unknown.statusCode).toBe(404);
  });

  it('takes the seller of every row for an export without a seller column, in the preview and the import', async () => {
    const body = multipart('one-shop.csv', 'Order ID,Created Time,Order Amount\nB-1,2026-11-12 10:00:00,40.00\n');
    const { uploadId } = (await app.inject({ method: 'POST', url: '/api/imports/uploads', headers: { ...analyst, ...body.headers }, payload: body.payload })).json<{ uploadId: string }>();
    const without = await app.inject({ method: 'POST', url: '/api/imports/preview', headers: analyst, payload: { uploadId, kind: 'orders' } });
    expect(without.json()).toMatchObject({ missingRequired: ['seller_id or seller_name'], rowsRead: 0 });
    const preview = await app.inject({ method: 'POST', url: '/api/imports/preview', headers: analyst, payload: { uploadId, kind: 'orders', seller: 'Toko Baru' } });
    expect(preview.json()).toMatchObject({ missingRequired: [], rowsRead: 1, rowsRejected: 0 });
    const loaded = await app.inject({ method: 'POST', url: '/api/imports', headers: analyst, payload: { uploadId, kind: 'orders', seller: 'Toko Baru' } });
    expect(loaded.json()).toMatchObject({ status: 'loaded', rowsLoaded: 1 });
    expect(await db.query(sql`SELECT s.name, o.amount FROM order_lines o JOIN sellers s ON s.id = o.seller_id WHERE o.order_id = 'B-1'`)).toEqual([{ name: 'Toko Baru', amount: 40 }]);
  });

  it('refuses a seller for every row when the file has a seller column, saying why', async () => {
    const body = multipart('with-shop.csv', CSV);
    const { uploadId } = (await app.inject({ method: 'POST', url: '/api/imports/uploads', headers: { ...analyst, ...body.headers }, payload: body.payload })).json<{ uploadId: string }>();
    const res = await app.inject({ method: 'POST', url: '/api/imports/preview', headers: analyst, payload: { uploadId, kind: 'orders', seller: 'Glow Lab' } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toBe(
      'the seller for every row ("Glow Lab") conflicts with the file\'s seller column "Shop Name" (seller_name): each row already names its seller',
    );
  });
});
