/**
 * How deep a scenario's JSON may nest. The format itself needs four levels (`actions[0].policy`);
 * 32 leaves room for any honest file, and stops a stranger's file (a share link is one) long before
 * the recursive field checks could run out of stack.
 */
export const MAX_SCENARIO_DEPTH = 32;

/**
 * Where `value` first nests deeper than `max` (a path such as `phones[0].protocol[0][0]…`), or
 * undefined. Walks with an explicit stack, so the check itself cannot overflow.
 */
export function deepestBeyond(value: unknown, max = MAX_SCENARIO_DEPTH): string | undefined {
  const stack: [unknown, number, string][] = [[value, 0, '']];
  while (stack.length > 0) {
    const [v, depth, path] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return path;
    const list = Array.isArray(v);
    for (const [k, child] of Object.entries(v))
      stack.push([child, depth + 1, list ? `${path}[${k}]` : path ? `${path}.${k}` : k]);
  }
  return undefined;
}

/** The error for a value nested too deeply, its path shortened to a readable length. */
export function depthError(path: string, max = MAX_SCENARIO_DEPTH): string {
  const shown = path.length > 100 ? `${path.slice(0, 100)}…` : path;
  return `${shown} nests more than ${max} levels deep (a scenario needs at most a few)`;
}
