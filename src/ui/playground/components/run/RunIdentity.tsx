import { useState } from 'react';
import { recordAsScenario } from '../../../../bridge/record-scenario';
import { ShareRun } from './ShareRun';
import { shallowEqual, usePlaygroundStore, useView } from '../../hooks/usePlayground';

/** A file name from a scenario's name: `four-protocols-seed-7.json`. */
const fileName = (name: string, seed: number): string =>
  `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'run'
  }-seed-${seed}.json`;

/** Which run this is (its trace hash proves it), and its export as a scenario file the CLI replays. */
export function RunIdentity(): React.JSX.Element {
  const store = usePlaygroundStore();
  const run = useView(
    (s) => ({
      name: s.snapshot?.scenarioName ?? '',
      description: s.snapshot?.description ?? '',
      seed: s.snapshot?.seed ?? 0,
      hash: s.slow?.report.traceHash ?? '',
    }),
    shallowEqual,
  );
  const [exported, setExported] = useState('');
  const exportFile = async (): Promise<void> => {
    const file = recordAsScenario(await store.record());
    const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName(run.name, run.seed);
    a.click();
    URL.revokeObjectURL(url);
    setExported(
      `Saved ${a.download}: npm run sim -- run ${a.download} --json gives this trace hash.`,
    );
  };
  return (
    <div className="pg-run-identity">
      <p className="pg-run-name">
        <strong>{run.name}</strong> · seed {run.seed}
      </p>
      {run.description ? <p className="pg-note">{run.description}</p> : null}
      <p className="pg-hash">
        <span id="pg-trace-hash-label">Trace hash</span>{' '}
        <output className="pg-mono" aria-labelledby="pg-trace-hash-label">
          {run.hash}
        </output>
      </p>
      <div className="pg-row">
        <button type="button" className="pg-btn" onClick={() => void exportFile()}>
          Export scenario
        </button>
      </div>
      <ShareRun />
      {exported ? (
        <p className="pg-note" role="status">
          {exported}
        </p>
      ) : null}
    </div>
  );
}
