// Proves the dependency directions of DESIGN.md: the engine imports nothing outside itself (and
// no platform APIs), the UI reaches the simulation only through the bridge, the bridge is types.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

interface Import {
  readonly from: string;
  readonly spec: string;
  readonly typeOnly: boolean;
  /** The imported file relative to the root, for relative imports. */
  readonly target?: string;
}

function imports(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(
    /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm,
  )) {
    const spec = m[3]!;
    const typeOnly = m[2] !== undefined;
    const target = spec.startsWith('.') ? relative(ROOT, resolve(dirname(file), spec)) : undefined;
    out.push({ from: relative(ROOT, file), spec, typeOnly, ...(target ? { target } : {}) });
  }
  return out;
}

const all = (dir: string): Import[] => files(join(ROOT, dir)).flatMap(imports);
const show = (i: Import): string => `${i.from} imports ${i.spec}`;

describe('architecture', () => {
  it('the engine imports nothing outside src/engine except pure libraries', () => {
    const allowedPackages = ['@noble/curves', '@noble/ciphers', '@noble/hashes'];
    const bad = all('src/engine').filter((i) =>
      i.target
        ? !i.target.startsWith('src/engine')
        : !allowedPackages.some((p) => i.spec.startsWith(p)),
    );
    expect(bad.map(show)).toEqual([]);
  });

  it('the UI reaches the simulation only through the bridge types', () => {
    const bad = all('src/ui').filter(
      (i) =>
        i.target !== undefined &&
        /^src\/(engine|runtime|adapters)\//.test(i.target) &&
        !(i.typeOnly && i.target.startsWith('src/engine')) &&
        !isEntry(i.from),
    );
    expect(bad.map(show)).toEqual([]);
  });

  it('the bridge holds types only', () => {
    const bad = all('src/bridge').filter(
      (i) => !i.typeOnly && i.target !== undefined && !i.target.startsWith('src/bridge'),
    );
    expect(bad.map(show)).toEqual([]);
  });

  it('adapters depend on engine types only', () => {
    const bad = all('src/adapters').filter(
      (i) => i.target !== undefined && /^src\/(ui|runtime)\//.test(i.target),
    );
    expect(bad.map(show)).toEqual([]);
  });
});

/** The page's entry file wires the host to the UI; it is the one place allowed to know both. */
function isEntry(file: string): boolean {
  return /(^|\/)main\.tsx$/.test(file) || /create-playground\.ts$/.test(file);
}
