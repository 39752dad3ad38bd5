// Proves the layer rule (tools/eslint/layers.js) catches what DESIGN.md forbids — static, type,
// re-exported and dynamic imports across layers, and packages in the engine — and that the tree
// itself has none. `npm test` lints the tree too; this test shows the rule can fail.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

/** Layer-rule messages for `code` as if it were the file at `path`. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/layers').map((m) => m.message);
}

describe('layer rule', () => {
  it('refuses a static import from the engine into the UI', async () => {
    const errors = await layerErrors(
      'src/engine/gateway/x.ts',
      "import { App } from '../../ui/playground/App';\nexport const a = App;\n",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/src\/engine.*may not import src\/ui\/playground\/App/);
  });

  it('refuses a dynamic import and a re-export, which a regex over `from` lines missed', async () => {
    const errors = await layerErrors(
      'src/ui/playground/x.ts',
      "export { Simulation } from '../../engine/sim/simulation';\nexport const load = () => import('../../runtime/local-playground');\n",
    );
    expect(errors).toHaveLength(2);
  });

  it('refuses a package in the engine but allows @noble', async () => {
    const errors = await layerErrors(
      'src/engine/crypto/x.ts',
      "import { x25519 } from '@noble/curves/ed25519.js';\nimport { openDB } from 'idb';\nexport const a = [x25519, openDB];\n",
    );
    expect(errors).toEqual([expect.stringMatching(/may not import the package "idb"/)]);
  });

  it('lets the bridge take only types from the engine, beyond its shared vocabulary', async () => {
    const value = await layerErrors(
      'src/bridge/x.ts',
      "import { Simulation } from '../engine/sim/simulation';\nexport const a = Simulation;\n",
    );
    expect(value).toEqual([expect.stringMatching(/only types/)]);
    const types = await layerErrors(
      'src/bridge/x.ts',
      "import type { Simulation } from '../engine/sim/simulation';\nexport type A = Simulation;\n",
    );
    expect(types).toEqual([]);
  });

  it('keeps worker files to the runtime and adapters', async () => {
    const errors = await layerErrors(
      'workers/x.worker.ts',
      "import { Gateway } from '../src/engine/gateway/gateway';\nexport const g = Gateway;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('finds nothing in the tree as it is', async () => {
    const results = await eslint.lintFiles(['src', 'workers']);
    const layer = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId === 'layers/layers')
        .map((m) => `${r.filePath}: ${m.message}`),
    );
    expect(layer).toEqual([]);
    // Linting the whole tree (type-aware rules) takes tens of seconds on two busy cores.
  }, 240_000);
});
