/** Small checks that name the field they found wrong, for scenario validation. */
export type Errors = string[];

export const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const show = (x: unknown): string =>
  typeof x === 'string'
    ? JSON.stringify(x)
    : x === undefined
      ? 'nothing'
      : (JSON.stringify(x) ?? String(x));

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
    errors.push(`${path}${key} must be a whole number (got ${v})`);
  else if (o.min !== undefined && v < o.min)
    errors.push(`${path}${key} must be ≥ ${o.min} (got ${v})`);
  else if (o.max !== undefined && v > o.max)
    errors.push(`${path}${key} must be ≤ ${o.max} (got ${v})`);
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
      errors.push(`${path}${k} is not a known field (known: ${allowed.join(', ')})`);
}
