import { useState } from 'react';
import type { ProtocolName } from '../../../../bridge/playground-api';
import { usePlaygroundStore } from '../../hooks/usePlayground';
import { PROTOCOL_OPTIONS } from '../../model/settings';
import { Section, SelectField } from './Field';

/** Switches every phone's protocol at once (each reconnects with the new one). */
export function FleetControls(): React.JSX.Element {
  const store = usePlaygroundStore();
  const [protocol, setProtocol] = useState<ProtocolName>('short-poll');
  return (
    <Section title="All phones">
      <SelectField
        label="Protocol for all phones"
        value={protocol}
        options={PROTOCOL_OPTIONS}
        onChange={setProtocol}
      />
      <button type="button" className="pg-btn" onClick={() => void store.setProtocolAll(protocol)}>
        Switch all phones
      </button>
    </Section>
  );
}
