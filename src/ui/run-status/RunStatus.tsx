import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { InputAction, ScenarioFile, Snapshot, TraceEvent } from '../../bridge/playground-api';
import { Counts } from './Counts';
import { createRunViewStore } from './run-view-store';

/** What the status page needs of a playground (the worker host provides it). */
export interface StatusPlayground {
  subscribe(fn: (b: import('../../bridge/playground-api').FrameBatch) => void): () => void;
  load(file: ScenarioFile): Promise<unknown>;
  reopen(): Promise<{ atMs: number; restored: number; agreed: boolean } | undefined>;
  play(): Promise<void>;
  pause(): Promise<void>;
  step(): Promise<number | undefined>;
  setSpeed(speed: number): Promise<void>;
  input(action: InputAction): Promise<void>;
  crashGateway(): Promise<void>;
  workerCount(): number;
}

const SPEEDS = [0.1, 0.5, 1, 2, 5, 10, 100, 1000];
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const actor = (n: number, s: Snapshot): string =>
  n === 1
    ? 'gateway'
    : n === 2
      ? 'sessions'
      : n === 3
        ? 'store'
        : n === 0
          ? 'input'
          : n === 4
            ? 'phones'
            : (s.phones.find((p) => p.user === n - 16)?.name ?? `u${n - 16}`);
const userNamed = (s: Snapshot | undefined, name: string): number | undefined =>
  s?.phones.find((p) => p.name === name)?.user;

/** A small live view of a run across workers: controls, counts, and the trace as it streams in. */
export function RunStatus({
  playground,
  scenario,
}: {
  playground: StatusPlayground;
  scenario: ScenarioFile;
}) {
  const store = useMemo(() => createRunViewStore(playground), [playground]);
  const view = useSyncExternalStore(store.subscribe, store.get);
  const [notice, setNotice] = useState('Starting the workers…');
  const [speed, setSpeed] = useState(1);
  const [sent, setSent] = useState(0);
  const started = useRef(false);
  const s = view.snapshot;

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const r = await playground.reopen();
      if (r)
        setNotice(
          `Reopened the saved run at ${seconds(r.atMs)}: ${r.restored} stored ${r.restored === 1 ? 'item' : 'items'} came back from IndexedDB${r.agreed ? '' : ' (they differ from the replay; IndexedDB kept)'}.`,
        );
      else {
        await playground.load(scenario);
        setNotice(`Loaded “${scenario.name}”. Press Play.`);
      }
    })().catch((e: unknown) => setNotice(`Could not start: ${(e as Error).message}`));
  }, [playground, scenario]);

  const act = (f: () => Promise<unknown>) => () =>
    void f().catch((e: unknown) => setNotice((e as Error).message));
  const alice = userNamed(s, 'alice');
  const bob = userNamed(s, 'bob');
  const send = () => {
    if (alice === undefined || bob === undefined) return Promise.resolve();
    setSent((n) => n + 1);
    return playground.input({
      do: 'send',
      from: alice,
      to: bob,
      text: `Note ${sent + 1} from Alice`,
    });
  };

  return (
    <main className="run-status">
      <h1>DoubleTick — the engine across workers</h1>
      <p className="notice" role="status">
        {notice}
      </p>
      <section aria-label="Run controls" className="controls">
        <button type="button" onClick={act(() => playground.play())} disabled={!s || s.running}>
          Play
        </button>
        <button type="button" onClick={act(() => playground.pause())} disabled={!s?.running}>
          Pause
        </button>
        <button type="button" onClick={act(() => playground.step())} disabled={!s || s.running}>
          Step
        </button>
        <label>
          Speed{' '}
          <select
            value={speed}
            onChange={(e) => {
              const v = Number(e.target.value);
              setSpeed(v);
              void playground.setSpeed(v);
            }}
          >
            {SPEEDS.map((v) => (
              <option key={v} value={v}>
                {v}×
              </option>
            ))}
          </select>
        </label>
      </section>
      <section aria-label="The story" className="controls">
        <button type="button" onClick={act(send)} disabled={alice === undefined}>
          Send from Alice
        </button>
        <button
          type="button"
          onClick={act(() => playground.input({ do: 'online', user: bob ?? 2 }))}
          disabled={bob === undefined}
        >
          Bring Bob online
        </button>
        <button
          type="button"
          onClick={act(() => playground.input({ do: 'offline', user: bob ?? 2 }))}
          disabled={bob === undefined}
        >
          Take Bob offline
        </button>
        <button type="button" onClick={act(() => playground.crashGateway())} disabled={!s}>
          Crash the gateway worker
        </button>
        <button
          type="button"
          onClick={act(async () => {
            await playground.load(scenario);
            setNotice(`Restarted “${scenario.name}”.`);
          })}
        >
          Restart
        </button>
      </section>
      {s && <Counts snapshot={s} inFlight={view.inFlight} workers={playground.workerCount() + 1} />}
      {s && <TraceTail events={view.recent} snapshot={s} />}
    </main>
  );
}

function TraceTail({ events, snapshot }: { events: readonly TraceEvent[]; snapshot: Snapshot }) {
  const last = events.slice(-12).reverse();
  return (
    <section aria-label="Trace">
      <h2>Latest trace events</h2>
      <ol className="trace">
        {last.map((e, i) => (
          <li key={`${e.atMs}-${i}`}>
            <span>{seconds(e.atMs)}</span> <strong>{e.kind}</strong> {actor(e.from, snapshot)} →{' '}
            {actor(e.to, snapshot)}
            {e.msg > 0 ? ` · message ${e.msg}` : ''}
            {e.bytes > 0 ? ` · ${e.bytes} B, arrives ${seconds(e.arriveAtMs)}` : ''}
            {e.note ? ` · ${e.note}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
