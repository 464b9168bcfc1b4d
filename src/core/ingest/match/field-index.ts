/**
 * Every name a kind's fields answer to (canonical name, label, synonyms), keyed by the normalised
 * header key, built once per kind. A key that two fields claim would make matching depend on
 * declaration order, so building the index refuses it loudly (a catalog bug, caught by tests).
 */
import type { KindDef } from '../kinds/types.ts';
import { headerKey, headerTokens } from './normalize-header.ts';

export interface FieldName {
  field: string;
  /** `exact`: the canonical name or the label; `synonym`: one of the synonyms. */
  how: 'exact' | 'synonym';
  /** Position in the synonym list (0 = best); 0 for exact names. */
  rank: number;
  key: string;
  tokens: string[];
}

export interface FieldIndex {
  byKey: ReadonlyMap<string, FieldName>;
  names: readonly FieldName[];
}

const cache = new WeakMap<KindDef, FieldIndex>();

export function fieldIndex(kind: KindDef): FieldIndex {
  const cached = cache.get(kind);
  if (cached) return cached;
  const byKey = new Map<string, FieldName>();
  const names: FieldName[] = [];
  const add = (field: string, text: string, how: FieldName['how'], rank: number): void => {
    const key = headerKey(text);
    if (!key) return;
    const existing = byKey.get(key);
    if (existing && existing.field !== field) {
      throw new Error(`import kind ${kind.kind}: "${text}" names both ${existing.field} and ${field}`);
    }
    const name: FieldName = { field, how, rank, key, tokens: headerTokens(text) };
    names.push(name);
    if (!existing) byKey.set(key, name);
  };
  for (const def of kind.fields) {
    add(def.name, def.name, 'exact', 0);
    add(def.name, def.label, 'exact', 0);
  }
  for (const def of kind.fields)
    def.synonyms.forEach((synonym, rank) => add(def.name, synonym, 'synonym', rank));
  const index = { byKey, names };
  cache.set(kind, index);
  return index;
}
