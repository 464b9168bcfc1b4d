/**
 * Small constructors for field declarations, so the kind files read as tables of names and
 * synonyms rather than as repeated object literals. Counts and money are never negative, which
 * the database enforces too; declaring `min: 0` here lets validation say so row by row first.
 */
import type { FieldDef, ValueType } from './types.ts';

type Extra = Omit<FieldDef, 'name' | 'label' | 'type' | 'synonyms'>;

export function field(
  name: string,
  label: string,
  type: ValueType,
  synonyms: string[],
  extra: Extra = {},
): FieldDef {
  return { name, label, type, synonyms, ...extra };
}

export function text(name: string, label: string, synonyms: string[], extra: Extra = {}): FieldDef {
  return field(name, label, 'text', synonyms, extra);
}

export function id(name: string, label: string, synonyms: string[], extra: Extra = {}): FieldDef {
  return field(name, label, 'id', synonyms, extra);
}

export function count(name: string, label: string, synonyms: string[], extra: Extra = {}): FieldDef {
  return field(name, label, 'integer', synonyms, { min: 0, ...extra });
}

export function money(name: string, label: string, synonyms: string[], extra: Extra = {}): FieldDef {
  return field(name, label, 'money', synonyms, { min: 0, ...extra });
}

/** A copy of a shared field with more synonyms appended (kept after the shared, better ones). */
export function withSynonyms(def: FieldDef, more: string[]): FieldDef {
  return { ...def, synonyms: [...def.synonyms, ...more] };
}

/** A copy of a shared field that is required in this kind. */
export function requiredField(def: FieldDef): FieldDef {
  return { ...def, required: true };
}
