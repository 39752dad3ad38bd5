import type { LabHost, LabSnapshot } from '../../bridge/lab-api';

/** The same inputs through the simulation, compared packet type by packet type with the broker. */
export function SideBySide({ host, snapshot }: { host: LabHost; snapshot: LabSnapshot }) {
  const c = snapshot.comparison;
  return (
    <div className="pg-lab-compare">
      <p className="pg-muted">
        Replays this lab run's inputs (sends, offline, back, spikes, broker restarts) at the same
        moments through the simulation, and compares the MQTT packets of both.
      </p>
      <button
        type="button"
        className="pg-btn pg-primary"
        disabled={snapshot.comparing}
        onClick={() => host.command({ do: 'compare' })}
      >
        {c ? 'Compare again' : 'Compare with the simulation'}
      </button>
      {snapshot.comparing && <p role="status">Simulating…</p>}
      {c && (
        <table>
          <caption>
            Real broker and simulation, {c.inputs} {c.inputs === 1 ? 'input' : 'inputs'} over{' '}
            {c.durationSec} s
          </caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Real broker</th>
              <th scope="col">Simulation</th>
            </tr>
          </thead>
          <tbody>
            {c.rows.map((r) => (
              <tr key={r.measure} className={r.same ? undefined : 'pg-lab-differs'}>
                <th scope="row">{r.measure}</th>
                <td>{r.real}</td>
                <td>
                  {r.simulated}
                  {r.why && <p className="pg-lab-why">{r.why}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
