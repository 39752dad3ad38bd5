/** Small checks that name the field they found wrong, for scenario validation. */
export type Errors = string[];

export const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** How much of a bad value an error quotes: a stranger's file may hold a megabyte in one field. */
export const QUOTE_CHARS = 100;

const count = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** `text` cut to QUOTE_CHARS characters, marked with "…" where it was cut. */
export const clip = (text: string): string =>
  text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text;

/** What a value was, for an error: quoted in full if short, else its start and its size. */
export function show(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (typeof x === 'number' || typeof x === 'bigint') return clip(String(x));
  let text: string;
  try {
    text = JSON.stringify(x) ?? String(x);
  } catch {
    text = Object.prototype.toString.call(x);
  }
  if (text.length <= QUOTE_CHARS) return text;
  const size =
    typeof x === 'string'
      ? count(x.length, 'character', 'characters')
      : Array.isArray(x)
        ? `a list of ${count(x.length, 'entry', 'entries')}`
        : `${count(text.length, 'character', 'characters')} of JSON`;
  return `${clip(text)} (${typeof x === 'string' ? `a string of ${size}` : size})`;
}

export function num(
  errors: Errors,
  obj: Record<string, unknown>,
  key: string,
  path: string,
  o: { min?: number; max?: number; integer?: boolean; required?: boolean } = {},
): number | undefined {
  const v = obj[key];
  if (v === undefined) {
    if (o.required) errors.push(`${path}${key} is required`);
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    errors.push(`${path}${key} must be a number (got ${show(v)})`);
    return undefined;
  }
  if (o.integer && !Number.isInteger(v))
    errors.push(`${path}${key} must be a whole number (got ${show(v)})`);
  else if (o.min !== undefined && v < o.min)
    errors.push(`${path}${key} must be ≥ ${o.min} (got ${show(v)})`);
  else if (o.max !== undefined && v > o.max)
    errors.push(`${path}${key} must be ≤ ${o.max} (got ${show(v)})`);
  else return v;
  return undefined;
}

export function bool(
  errors: Errors,
  obj: Record<string, unknown>,
  key: string,
  path: string,
): boolean | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') {
    errors.push(`${path}${key} must be true or false (got ${show(v)})`);
    return undefined;
  }
  return v;
}

export function str(
  errors: Errors,
  obj: Record<string, unknown>,
  key: string,
  path: string,
  required = false,
): string | undefined {
  const v = obj[key];
  if (v === undefined) {
    if (required) errors.push(`${path}${key} is required`);
    return undefined;
  }
  if (typeof v !== 'string') {
    errors.push(`${path}${key} must be a string (got ${show(v)})`);
    return undefined;
  }
  return v;
}

export function oneOf<T extends string>(
  errors: Errors,
  obj: Record<string, unknown>,
  key: string,
  path: string,
  options: readonly T[],
  required = false,
): T | undefined {
  const v = obj[key];
  if (v === undefined) {
    if (required) errors.push(`${path}${key} is required (one of ${options.join(', ')})`);
    return undefined;
  }
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
    errors.push(`${path}${key} must be one of ${options.join(', ')} (got ${show(v)})`);
    return undefined;
  }
  return v as T;
}

/** Flags keys that are not part of the format (a typo like "durationSecs" would otherwise be ignored). */
export function unknownKeys(
  errors: Errors,
  obj: Record<string, unknown>,
  path: string,
  allowed: readonly string[],
): void {
  for (const k of Object.keys(obj))
    if (!allowed.includes(k))
      errors.push(`${path}${clip(k)} is not a known field (known: ${allowed.join(', ')})`);
}
