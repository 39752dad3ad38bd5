import { readFileSync } from 'node:fs';
import { parseScenario } from '../engine/scenario/validate-scenario';
import { buildReport } from '../engine/sim/report';
import { ServerViewRecorder } from '../engine/sim/server-view';
import { Simulation } from '../engine/sim/simulation';
import { toJsonLine } from '../views/trace-export';
import { formatSummary } from './summary';

export interface RunIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

const FLAGS = ['--json', '--server-view', '--trace'];

/** `sim run <scenario.json> [--json] [--server-view] [--trace]`; returns the exit code. */
export async function runScenarioCommand(argv: string[], io: RunIo): Promise<number> {
  const files = argv.filter((a) => !a.startsWith('--'));
  const unknown = argv.filter((a) => a.startsWith('--') && !FLAGS.includes(a));
  if (files.length !== 1 || unknown.length) {
    io.stderr(
      unknown.length
        ? `sim run: unknown option ${unknown.join(' ')} (known: ${FLAGS.join(' ')})`
        : 'usage: sim run <scenario.json> [--json] [--server-view] [--trace]',
    );
    return 2;
  }
  const file = files[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    io.stderr(
      `sim run: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
    return 2;
  }
  const parsed = parseScenario(text);
  if (!parsed.ok) {
    // JSON.parse quotes the offending text, newlines included: one error, one line.
    for (const err of parsed.errors) io.stderr(`${file}: ${err.replace(/\s*\n\s*/g, ' ')}`);
    return 2;
  }
  const serverView = argv.includes('--server-view') ? new ServerViewRecorder() : undefined;
  const sinks = [];
  if (serverView) sinks.push(serverView);
  if (argv.includes('--trace'))
    sinks.push({
      emit: (e: import('../engine/kernel/trace').TraceEvent) => io.stdout(toJsonLine(e)),
    });
  const sim = new Simulation(parsed.scenario, {
    recordWire: serverView !== undefined,
    sinks,
    ...(serverView ? { persist: serverView.persist } : {}),
  });
  sim.run();
  if (serverView) {
    for (const hex of serverView.bodies) io.stdout(hex);
    return 0;
  }
  const report = buildReport(sim);
  if (argv.includes('--json')) io.stdout(JSON.stringify(report));
  else if (!argv.includes('--trace')) for (const line of formatSummary(report)) io.stdout(line);
  return 0;
}
