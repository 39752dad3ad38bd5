/**
 * `export <scenario> --at <s> --format mermaid|svg|jsonl|csv`: the run at one virtual moment, for
 * docs pipelines. The views are the page's own (src/views), so the CLI and the playground export
 * the same text. `svg` is the plain SVG of the diagram's layout (not a Mermaid render).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TraceEvent } from '../engine/kernel/trace';
import { parseScenario } from '../engine/scenario/validate-scenario';
import { Simulation } from '../engine/sim/simulation';
import { stillSnapshot } from '../runtime/snapshot';
import { toDiagramSvg } from '../views/diagram-svg';
import { toFlowchart } from '../views/mermaid-flowchart';
import { csvRows, toJsonLine } from '../views/trace-export';
import type { RunIo } from './run';

export const EXPORT_FORMATS = ['mermaid', 'svg', 'jsonl', 'csv'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

const USAGE = `usage: sim export <scenario.json | example name> --at <seconds> --format ${EXPORT_FORMATS.join('|')}`;

interface ExportArgs {
  readonly file: string;
  readonly atSec: number;
  readonly format: ExportFormat;
}

/** Reads `--name value` pairs and one positional scenario; an error names what is wrong. */
function parseArgs(argv: readonly string[]): ExportArgs | string {
  const positional: string[] = [];
  const opts = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) positional.push(a);
    else if (a === '--at' || a === '--format') {
      const v = argv[++i];
      if (v === undefined) return `${a} needs a value`;
      opts.set(a, v);
    } else return `unknown option ${a} (known: --at --format)`;
  }
  if (positional.length !== 1) return USAGE;
  const atText = opts.get('--at') ?? '0';
  const atSec = Number(atText);
  if (atText.trim() === '' || !Number.isFinite(atSec) || atSec < 0)
    return `--at must be a number of seconds ≥ 0 (got "${atText}")`;
  const format = opts.get('--format') ?? 'mermaid';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    return `--format must be one of ${EXPORT_FORMATS.join(', ')} (got "${format}")`;
  return { file: positional[0]!, atSec, format: format as ExportFormat };
}

/** A path as given, else an example in scenarios/ by name (`four-protocols`). */
function scenarioPath(arg: string): string {
  if (existsSync(arg)) return arg;
  const example = resolve(
    import.meta.dirname,
    '../../scenarios',
    `${arg.replace(/\.json$/, '')}.json`,
  );
  return /^[a-z0-9-]+(\.json)?$/.test(arg) && existsSync(example) ? example : arg;
}

/** Runs the export; returns the exit code (2 for bad arguments or a bad scenario). */
export function runExportCommand(argv: readonly string[], io: RunIo): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(args.startsWith('usage') ? args : `sim export: ${args}`);
    return 2;
  }
  const file = scenarioPath(args.file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    io.stderr(`sim export: cannot read ${args.file}: ${(e as NodeJS.ErrnoException).code ?? ''}`);
    return 2;
  }
  const parsed = parseScenario(text);
  if (!parsed.ok) {
    for (const err of parsed.errors) io.stderr(`${args.file}: ${err}`);
    return 2;
  }
  const events: TraceEvent[] = [];
  const sim = new Simulation(parsed.scenario, { sinks: [{ emit: (e) => events.push(e) }] });
  const atMs = Math.min(Math.round(args.atSec * 1000), parsed.scenario.durationMs);
  sim.runUntil(atMs, true);
  const snapshot = stillSnapshot(sim, parsed.scenario);
  switch (args.format) {
    case 'mermaid':
      io.stdout(toFlowchart(snapshot));
      break;
    case 'svg':
      io.stdout(toDiagramSvg(snapshot).trimEnd());
      break;
    case 'jsonl':
      for (const e of events) io.stdout(toJsonLine(e));
      break;
    case 'csv':
      for (const row of csvRows(events)) io.stdout(row);
      break;
  }
  return 0;
}
