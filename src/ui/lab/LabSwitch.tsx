import type { LabMode } from './lab-mode';
import { useLabMode } from './useLabMode';

/** The header's "Real broker" switch: on, the phones become real MQTT clients on a broker. */
export function LabSwitch({ mode }: { mode: LabMode }): React.JSX.Element {
  const { phase } = useLabMode(mode);
  const on = phase !== 'off';
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      className={`pg-btn pg-lab-switch${on ? ' pg-on' : ''}`}
      onClick={mode.toggle}
    >
      Real broker
    </button>
  );
}
