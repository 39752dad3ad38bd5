// @ts-check
/**
 * DESIGN.md's layers, as data: for each folder, the project folders its files may import from
 * (`allow`), those it may take only types from (`typeOnly`), and for the engine the only packages
 * it may use. The first matching `from` wins; tests and tools are not layered.
 * @type {import('./layers.js').Layer[]}
 */
export const LAYERS = [
  {
    from: 'src/engine',
    allow: ['src/engine'],
    // Pure cryptography only: noble's curves, hashes and ciphers, and stablelib's X25519 ladder.
    packages: ['@noble/', '@stablelib/x25519'],
    why: 'the engine is a pure function of seed, scenario and inputs',
  },
  {
    from: 'src/lessons',
    allow: ['src/lessons', 'src/engine'],
    packages: [
      'yaml',
      'unified',
      'remark-parse',
      'remark-gfm',
      'remark-frontmatter',
      'mdast-util-',
      'unist-util-',
      'mdast',
    ],
    why: 'lessons are pure: parsed, checked and evaluated like the engine',
  },
  {
    from: 'src/bridge',
    allow: ['src/bridge', 'src/engine/model'],
    typeOnly: ['src/engine', 'src/lessons'],
    why: "the bridge is the page's one door: types, and the engine's shared vocabulary",
  },
  {
    from: 'src/runtime',
    allow: ['src/runtime', 'src/engine', 'src/lessons', 'src/bridge'],
    // The Node worker bootstrap imports the entry file it is handed (runtime/node/worker-bootstrap.mjs).
    computedImports: true,
    why: 'hosting runs the engine; real I/O comes in through adapters at the edges',
  },
  {
    from: 'src/adapters',
    allow: ['src/adapters', 'src/runtime', 'src/engine', 'src/bridge'],
    why: 'adapters implement runtime interfaces with real I/O',
  },
  {
    from: 'src/views',
    allow: ['src/views', 'src/bridge'],
    why: 'views are pure functions of the trace and snapshots (layout, Mermaid, SVG, CSV), shared by the page and the CLI',
  },
  {
    from: 'src/ui',
    allow: ['src/ui', 'src/bridge', 'src/views'],
    why: 'the UI renders the trace and sends inputs through the bridge; it knows no engine',
  },
  {
    from: 'src/lab',
    allow: ['src/lab', 'src/bridge', 'src/engine', 'src/runtime'],
    why: 'the lab client compares a real broker with the engine',
  },
  {
    from: 'src/cli',
    allow: [
      'src/cli',
      'src/engine',
      'src/lessons',
      'src/runtime',
      'src/bridge',
      'src/adapters',
      'src/lab',
      'src/views',
    ],
    why: 'the command line hosts the engine in Node',
  },
  {
    from: 'src/app',
    allow: [
      'src/app',
      'src/ui',
      'src/views',
      'src/runtime',
      'src/bridge',
      'src/adapters',
      'src/lab',
    ],
    why: 'page entries wire a host to the UI',
  },
  {
    from: 'workers',
    allow: ['src/runtime', 'src/adapters', 'src/lab'],
    why: 'a worker file only wires a runtime host to its ports and its real I/O',
  },
];
