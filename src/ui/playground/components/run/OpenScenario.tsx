import { useId, useState } from 'react';
import type { ScenarioFile } from '../../../../bridge/playground-api';
import { MAX_SCENARIO_TEXT_BYTES } from '../../../../bridge/scenario-limits';
import { usePlaygroundStore } from '../../hooks/usePlayground';

/** Opens a scenario: one of the examples by name, or a file (picker, or dropped on this group). */
export function OpenScenario(): React.JSX.Element {
  const store = usePlaygroundStore();
  const pickId = useId();
  const exampleId = useId();
  const [problem, setProblem] = useState('');
  const [over, setOver] = useState(false);

  const openFile = async (f: File | undefined): Promise<void> => {
    if (!f) return;
    setProblem('');
    // A file's size is its bytes: the validator's limit, checked before reading a large file at all.
    if (f.size > MAX_SCENARIO_TEXT_BYTES)
      return setProblem(
        `${f.name} is ${Math.ceil(f.size / 1024)} KiB; a scenario is at most ${MAX_SCENARIO_TEXT_BYTES / 1024} KiB.`,
      );
    let file: ScenarioFile;
    try {
      file = JSON.parse(await f.text()) as ScenarioFile;
    } catch (e) {
      return setProblem(`${f.name} is not JSON: ${(e as Error).message}`);
    }
    await store.loadScenario(file);
  };

  return (
    <div
      className={`pg-open${over ? ' pg-drop' : ''}`}
      role="group"
      aria-label="Open a scenario"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void openFile(e.dataTransfer.files[0]);
      }}
    >
      <div className="pg-field">
        <label htmlFor={exampleId}>Example</label>
        <select
          id={exampleId}
          value=""
          onChange={(e) => {
            const ex = store.examples.find((x) => x.name === e.target.value);
            if (ex) void ex.load().then(store.loadScenario);
          }}
        >
          <option value="">Choose an example…</option>
          {store.examples.map((x) => (
            <option key={x.name} value={x.name}>
              {x.name}
            </option>
          ))}
        </select>
      </div>
      <div className="pg-field">
        <label htmlFor={pickId}>Scenario file (or drop one here)</label>
        <input
          id={pickId}
          type="file"
          accept="application/json,.json"
          onChange={(e) => void openFile(e.target.files?.[0])}
        />
      </div>
      {problem ? (
        <p className="pg-note pg-bad" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
