import { useId, useState } from 'react';
import type { ProtocolName } from '../../../../bridge/playground-api';
import { shallowEqual, usePlaygroundStore, useView } from '../../hooks/usePlayground';
import { PROTOCOL_OPTIONS } from '../../model/settings';
import { Section, SelectField } from './Field';

/** Seed, encryption and the starting protocol, applied by Reset (they define the run itself). */
export function RunControls(): React.JSX.Element {
  const store = usePlaygroundStore();
  const settings = useView((s) => s.settings, shallowEqual);
  const retry = useView((s) => s.retry);
  const [seed, setSeed] = useState(String(settings.seed));
  const [encryption, setEncryption] = useState(settings.encryption);
  const [protocol, setProtocol] = useState<ProtocolName>(settings.protocol);
  const seedId = useId();
  const seedNum = Number(seed);
  const seedOk = Number.isInteger(seedNum) && seedNum >= 0 && seedNum <= 0xffffffff;
  return (
    <Section title="Run" note="Same seed and same inputs give the same run, event for event.">
      <div className="pg-row">
        <div className="pg-field">
          <label htmlFor={seedId}>Seed</label>
          <input
            id={seedId}
            type="number"
            min={0}
            step={1}
            value={seed}
            onChange={(e) => setSeed(e.target.value)}
            aria-invalid={!seedOk}
          />
        </div>
        <SelectField
          label="Alice and Bob use"
          value={protocol}
          options={PROTOCOL_OPTIONS}
          onChange={setProtocol}
        />
      </div>
      <label className="pg-check">
        <input
          type="checkbox"
          checked={encryption}
          onChange={(e) => setEncryption(e.target.checked)}
        />
        End-to-end encryption
      </label>
      <button
        type="button"
        className="pg-btn"
        disabled={!seedOk}
        onClick={() => void store.reset({ seed: seedNum, encryption, protocol, retry })}
      >
        Reset
      </button>
      {!seedOk ? (
        <p className="pg-note pg-bad">The seed must be a whole number from 0 to 4,294,967,295.</p>
      ) : null}
    </Section>
  );
}
