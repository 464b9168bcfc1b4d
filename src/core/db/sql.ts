/**
 * The one way Aisle writes SQL: a tagged template that binds every interpolated value as a
 * parameter. A value with quotes and semicolons stays a value. Identifiers can only enter through
 * `sql.ident` (validated and quoted) and trusted text only through `sql.raw`, which callers use
 * for fragments taken from catalogs, never from a request.
 */
export type SqlValue = string | number | bigint | boolean | null | Date;

type Part = { kind: 'text'; text: string } | { kind: 'value'; value: SqlValue };

export class Sql {
  /** @internal */
  constructor(readonly parts: readonly Part[]) {}

  /** Renders positional placeholders (`$1`, `$2`…) and the matching value list. */
  toQuery(placeholder: (index: number) => string = (i) => `$${i}`): { text: string; values: SqlValue[] } {
    let text = '';
    const values: SqlValue[] = [];
    for (const part of this.parts) {
      if (part.kind === 'text') {
        text += part.text;
      } else {
        values.push(part.value);
        text += placeholder(values.length);
      }
    }
    return { text, values };
  }

  /** Shows the query with placeholders, for logs and error messages (values are not included). */
  toString(): string {
    return this.toQuery().text;
  }
}

export type SqlArg = SqlValue | Sql | undefined;

function partsOf(arg: SqlArg): Part[] {
  if (arg instanceof Sql) return [...arg.parts];
  if (arg === undefined) {
    throw new TypeError('sql: undefined cannot be bound; pass null for SQL NULL');
  }
  if (typeof arg === 'number' && !Number.isFinite(arg)) {
    throw new TypeError(`sql: cannot bind the non-finite number ${arg}`);
  }
  return [{ kind: 'value', value: arg }];
}

function build(strings: TemplateStringsArray, ...args: SqlArg[]): Sql {
  const parts: Part[] = [];
  strings.forEach((text, i) => {
    if (text) parts.push({ kind: 'text', text });
    if (i < args.length) parts.push(...partsOf(args[i]));
  });
  return new Sql(parts);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const sql = Object.assign(build, {
  /** A quoted identifier. Only plain names are accepted; use it with names from catalogs. */
  ident(name: string): Sql {
    if (!IDENTIFIER.test(name)) throw new TypeError(`sql.ident: not a plain identifier: ${JSON.stringify(name)}`);
    return new Sql([{ kind: 'text', text: `"${name}"` }]);
  },
  /** Trusted SQL text (from code or catalogs). Never pass request data here. */
  raw(text: string): Sql {
    return new Sql([{ kind: 'text', text }]);
  },
  /** Joins fragments or values with a separator, e.g. for column lists or `IN (…)`. */
  join(items: readonly SqlArg[], separator = ', '): Sql {
    const parts: Part[] = [];
    items.forEach((item, i) => {
      if (i > 0) parts.push({ kind: 'text', text: separator });
      parts.push(...partsOf(item));
    });
    return new Sql(parts);
  },
  empty: new Sql([]),
});
