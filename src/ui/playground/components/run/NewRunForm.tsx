import { useId, useState } from 'react';
import type { ProtocolName } from '../../../../bridge/playground-api';
import { SelectField } from '../controls/Field';
import { usePlaygroundStore, useView } from '../../hooks/usePlayground';
import { DEFAULT_SETTINGS, presetOf, PROTOCOL_OPTIONS } from '../../model/settings';

/** Seed, encryption and the starting protocol of a fresh run, applied by Reset. Starts from the run shown. */
export function NewRunForm(): React.JSX.Element {
  const store = usePlaygroundStore();
  const current = useView((s) => s.snapshot);
  const [seed, setSeed] = useState(String(current?.seed ?? DEFAULT_SETTINGS.seed));
  const [encryption, setEncryption] = useState(
    current?.settings.encryption ?? DEFAULT_SETTINGS.encryption,
  );
  const [protocol, setProtocol] = useState<ProtocolName>(
    current?.phones[0]?.proto ?? DEFAULT_SETTINGS.protocol,
  );
  const retry = presetOf(current?.settings.retry) ?? DEFAULT_SETTINGS.retry;
  const seedId = useId();
  const seedNum = Number(seed);
  const seedOk = Number.isInteger(seedNum) && seedNum >= 0 && seedNum <= 0xffffffff;
  return (
    <>
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
    </>
  );
}
