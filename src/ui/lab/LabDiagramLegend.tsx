import { Swatches } from '../playground/components/diagram/FlightLegend';

const ITEMS = [
  ['chat', 'PUBLISH'],
  ['ack', 'PUBACK / SUBACK'],
  ['keepalive', 'PINGREQ / PINGRESP'],
  ['connect', 'CONNECT / CONNACK / DISCONNECT'],
] as const;

/** What the real packets' colours mean, and how to see one's bytes. */
export function LabDiagramLegend({ still }: { still: boolean }): React.JSX.Element {
  return (
    <div className="pg-legend">
      <Swatches label="What the packet colours are" items={ITEMS} />
      <p className="pg-muted pg-legend-note">
        {still
          ? 'Each link shows its newest packet; choose it to see its bytes.'
          : 'Each real packet flies along its link (↑ to the broker, ↓ from it); choose one to see its bytes.'}
      </p>
    </div>
  );
}
