/**
 * The shape of the import-kind catalog: which fields a kind has, how each is typed and which
 * header spellings name it. Every later stage (header detection, column matching, value parsing,
 * validation, loading) reads these declarations instead of hard-coding column names, so a kind is
 * described once.
 *
 * `ValueType` is the value parsers' own union (`../parse/types.ts`), so a field can only be
 * declared with a type that has a parser.
 */
import type { ValueType } from '../parse/types.ts';

export type { ValueType };

export type ImportKind =
  'sellers' | 'products' | 'orders' | 'seller_daily' | 'livestreams' | 'livestream_minutes';

export interface FieldDef {
  /** Canonical field name (CONTRACTS.md §2), used in `--map` and in the JSON output. */
  name: string;
  /** Human label, also accepted as an exact header. */
  label: string;
  type: ValueType;
  required?: boolean;
  /**
   * Header spellings seen in exports, best first: when two columns match one field, the column
   * whose header is earlier in this list wins.
   */
  synonyms: string[];
  min?: number;
  max?: number;
  /** Enumerations: canonical value → accepted spellings (compared case-insensitively). */
  values?: Record<string, string[]>;
}

export interface KindDef {
  kind: ImportKind;
  label: string;
  fields: FieldDef[];
  /**
   * Fields that identify a row. `seller_id` in a key means the resolved seller, whether the file
   * gave its id or its name.
   */
  naturalKey: string[];
  /** The key used when the natural key's fields are absent (livestreams without an id). */
  fallbackKey?: string[];
  /** Groups of which at least one field must be mapped, e.g. `[['seller_id', 'seller_name']]`. */
  oneOf?: string[][];
  /**
   * A field whose column also names the seller when the file has no seller_id or seller_name
   * column (sellers: a list identified only by its shop name — the store's display name is then the
   * seller's name for matching).
   */
  sellerNameFallback?: string;
}
