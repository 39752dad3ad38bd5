import type { ErrorList } from './errors';
import { quote } from './errors';
import type { YamlBlock } from './yaml-block';

export const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The users of a lesson's scenario: names resolve to user numbers, as in scenario actions. */
export interface UserBook {
  readonly byName: ReadonlyMap<string, number>;
  readonly names: ReadonlyMap<number, string>;
}

/** `"bob"`, `"u3"` or `3` as a user number; undefined when it names nobody. */
export function resolveUser(users: UserBook, v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return v;
  if (typeof v !== 'string') return undefined;
  if (/^u\d+$/.test(v)) return Number(v.slice(1)) || undefined;
  return users.byName.get(v.toLowerCase());
}

/** Reads the fields of one YAML map, recording each problem at the line of the field. */
export class Fields {
  constructor(
    readonly obj: Record<string, unknown>,
    private readonly block: YamlBlock,
    private readonly path: readonly (string | number)[],
    private readonly errors: ErrorList,
    /** How the map is named in errors: `checkpoint item 2 (ticks)`. */
    private readonly what: string,
  ) {}

  line(key?: string): number {
    return this.block.lineAt(key === undefined ? this.path : [...this.path, key]);
  }

  fail(key: string | undefined, reason: string): void {
    this.errors.add(this.line(key), `${this.what}: ${reason}`);
  }

  /** Flags fields the format does not know (a typo would otherwise be silently ignored). */
  only(...known: string[]): void {
    for (const k of Object.keys(this.obj))
      if (!known.includes(k))
        this.fail(k, `"${k}" is not a known field (known: ${known.join(', ')})`);
  }

  num(
    key: string,
    o: { min?: number; max?: number; integer?: boolean; required?: boolean } = {},
  ): number | undefined {
    const v = this.obj[key];
    if (v === undefined) {
      if (o.required) this.fail(key, `${key} is required`);
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isFinite(v))
      this.fail(key, `${key} must be a number (got ${quote(v)})`);
    else if (o.integer && !Number.isInteger(v))
      this.fail(key, `${key} must be a whole number (got ${v})`);
    else if (o.min !== undefined && v < o.min)
      this.fail(key, `${key} must be ≥ ${o.min} (got ${v})`);
    else if (o.max !== undefined && v > o.max)
      this.fail(key, `${key} must be ≤ ${o.max} (got ${v})`);
    else return v;
    return undefined;
  }

  str(key: string, required = false): string | undefined {
    const v = this.obj[key];
    if (v === undefined) {
      if (required) this.fail(key, `${key} is required`);
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      this.fail(key, `${key} must be some text (got ${quote(v)})`);
      return undefined;
    }
    return v.trim();
  }

  bool(key: string): boolean | undefined {
    const v = this.obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') {
      this.fail(key, `${key} must be true or false (got ${quote(v)})`);
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(key: string, options: readonly T[], required = false): T | undefined {
    const v = this.obj[key];
    if (v === undefined) {
      if (required) this.fail(key, `${key} is required (one of ${options.join(', ')})`);
      return undefined;
    }
    if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
      this.fail(key, `${key} must be one of ${options.join(', ')} (got ${quote(v)})`);
      return undefined;
    }
    return v as T;
  }

  user(key: string, users: UserBook, required = true): number | undefined {
    const v = this.obj[key];
    if (v === undefined) {
      if (required) this.fail(key, `${key} is required (a user: "bob", "u3" or 3)`);
      return undefined;
    }
    const n = resolveUser(users, v);
    if (n === undefined)
      this.fail(
        key,
        `${key} must name a user of the scenario ("bob", "u3" or 3) (got ${quote(v)})`,
      );
    return n;
  }

  /** The map under `key`, read with the same error list; undefined (and an error) if not a map. */
  map(key: string, what: string): Fields | undefined {
    const v = this.obj[key];
    if (!isRecord(v)) {
      this.fail(key, `${key} must be a map of fields (got ${quote(v)})`);
      return undefined;
    }
    return new Fields(v, this.block, [...this.path, key], this.errors, what);
  }
}
