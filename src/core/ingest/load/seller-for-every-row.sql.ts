/**
 * `--seller ID_OR_NAME`: the one seller of an export that has no seller column (a single shop's
 * LIVE list or order export). The value is an existing seller's id, else a seller name — matched by
 * normalised name or created by resolve-sellers exactly as a seller_name column would be. It is
 * written into `parsed` right after parsing, so validation, duplicate keys and the load see every
 * row as if the file had carried it. A name that matches several sellers is refused before any row
 * is checked: guessing one would file a whole export under the wrong seller.
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { sellerNameKeySql } from '../../sellers/seller-name-key.ts';
import { UserError } from '../../shared/errors.ts';

export async function fillSellerOfEveryRow(executor: Executor, seller: string): Promise<void> {
  const [byId] = await executor.query<{ id: string }>(sql`SELECT id FROM sellers WHERE id = ${seller}`);
  if (byId) {
    await executor.run(sql`UPDATE parsed_rows SET seller_id = ${seller}`);
    return;
  }
  const named = await executor.query<{ id: string; name: string }>(
    sql`SELECT id, name FROM sellers WHERE name_key = ${sellerNameKeySql(sql`${seller}`)} ORDER BY id LIMIT 6`,
  );
  if (named.length > 1) {
    const listed = named.slice(0, 5).map((s) => `${s.id} (${s.name})`).join(', ');
    throw new UserError(`the seller for every row ("${seller}") matches several sellers by name: ${listed}${named.length > 5 ? ', …' : ''}`, {
      hint: `give the seller's id instead, e.g. ${named[0]?.id ?? 'ID'}`,
      details: { seller, sellerIds: named.map((s) => s.id) },
    });
  }
  await executor.run(sql`UPDATE parsed_rows SET seller_name = ${seller}`);
}
