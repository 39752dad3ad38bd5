import { FleetControls } from './FleetControls';
import { GatewayControls } from './GatewayControls';
import { PhoneControls } from './PhoneControls';
import { RunPanel } from '../run/RunPanel';
import { SpawnControls } from './SpawnControls';
import { SpikeControls } from './SpikeControls';

/** Every input the learner can give, grouped as the issue lists them. */
export function ControlsPanel(): React.JSX.Element {
  return (
    <div className="pg-controls-inner">
      <SpawnControls />
      <PhoneControls />
      <FleetControls />
      <SpikeControls />
      <GatewayControls />
      <RunPanel />
    </div>
  );
}
