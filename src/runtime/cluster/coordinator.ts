import { TraceHasher } from '../../engine/kernel/trace-hash';
import { borrowedEvent, type TraceEvent, type TraceSink } from '../../engine/kernel/trace';
import type { Scenario, TimedAction } from '../../engine/scenario/scenario';
import { ACTOR } from '../../engine/model/actors';
import type { InputAction } from '../../engine/model/messages';
import { MetricsCollector } from '../../engine/sim/metrics';
import type { ReportView } from '../../engine/sim/report';
import { inputMessage, inputTarget, scenarioInputs } from '../../engine/sim/simulation';
import type { Cluster } from './cluster';
import { clusterReportView, mergeStats, noCarry, type ClusterParts } from './cluster-view';
import { FAULT_SOURCE, HOST_NAMES, hostOfActor, peersOf, type HostName } from './partition';
import type {
  HistorySetup,
  HostSetup,
  StoreSetup,
  TimeMark,
  WindowGrant,
  WindowReport,
} from './host-messages';
import { TraceMerger, yieldToEventLoop } from './trace-merger';
import { windowEnds } from './window-ends';
import { PendingInputs, within } from './pending-inputs';
import { crashEvent, crashNotices } from './gateway-crash';

/** How a run over a cluster is set up. */
export interface ClusterRunOptions {
  readonly recordWire: boolean;
  readonly store: Omit<StoreSetup, 'begin'>;
  /** Where the phones keep their decrypted history (none: only in the phones' memory). */
  readonly history?: Omit<HistorySetup, 'begin'>;
  readonly sinks?: readonly TraceSink[];
}

/** Trace events merged between two looks at whether the hosts have reported. */
const MERGE_SLICE = 200;

const later = (a: TimeMark, b: TimeMark): boolean =>
  a.ms > b.ms || (a.ms === b.ms && a.inclusive && !b.inclusive);

/**
 * The coordinator of one run over a cluster: it owns virtual time and the input log. Each round
 * it grants every host with work a window up to its own lookahead bound (window-ends.ts: the
 * earliest anything could reach it, so idle stretches are skipped and the gateway runs a whole
 * uplink ahead of the phones), and merges the hosts' trace events into the single-thread order.
 *
 * Window protocol: a host runs its window, posts at most one batch per peer on the peer's port,
 * waits for its own I/O, and reports which peers it sent to. The coordinator counts batches per
 * link; each grant tells a host how many batches it must have received from each peer before it
 * runs, so every event sent in one window is in its receiver's queue before the next.
 */
export class Coordinator {
  readonly hasher = new TraceHasher();
  readonly metrics = new MetricsCollector();
  /** Inputs given during the run (the scenario's own actions are not repeated here). */
  readonly inputLog: TimedAction[] = [];
  readonly carried = noCarry();
  private readonly sinks: TraceSink[];
  private readonly inputs = new PendingInputs();
  private inputSeq = 0;
  private faultSeq = 0;
  private readonly next = new Map<HostName, number>(HOST_NAMES.map((h) => [h, Infinity]));
  /** How far each host has run: it has handled every event before this mark (and none after it). */
  private readonly doneTo = new Map<HostName, TimeMark>(
    HOST_NAMES.map((h) => [h, { ms: 0, inclusive: false }]),
  );
  private readonly sent = new Map<string, number>();
  private nowMs = 0;
  /** Whether the events at `nowMs` have run too (after an inclusive step or the end). */
  private nowInclusive = false;
  private window = 0;
  /** Windows granted so far, and how many hosts ran in them (for the idle-window bench). */
  windows = 0;
  hostRuns = 0;
  /** Events that crossed between hosts (each in a batch of its window). */
  crossEvents = 0;
  /** The windows' traces, merged while the coordinator waits for reports (and in full whenever the run pauses). */
  private readonly merger: TraceMerger;

  private constructor(
    readonly cluster: Cluster,
    readonly scenario: Scenario,
    private readonly runId: number,
    private readonly opts: ClusterRunOptions,
  ) {
    this.sinks = [this.hasher, this.metrics, ...(opts.sinks ?? [])];
    // When no sink keeps events, the merge refills one object instead of building one per event.
    const sinks = this.sinks;
    this.merger = new TraceMerger((ev) => {
      for (const s of sinks) s.emit(ev);
    }, borrowedEvent(sinks));
  }

  /** Initialises every host for a new run of `scenario` and schedules its inputs (numbered as one thread does). */
  static async start(
    cluster: Cluster,
    scenario: Scenario,
    opts: ClusterRunOptions,
    begin: StoreSetup['begin'],
  ): Promise<Coordinator> {
    const run = new Coordinator(cluster, scenario, cluster.nextRunId(), opts);
    // Each host queues its share of the scenario's inputs itself; learner inputs are numbered after them.
    const setup = run.setup(begin);
    const next = await Promise.all(
      HOST_NAMES.map((h) =>
        cluster
          .host(h)
          .control.init({ ...setup, scenario: run.scenarioFor(h, true), scenarioInputs: true }),
      ),
    );
    HOST_NAMES.forEach((h, i) => run.next.set(h, next[i]!));
    run.inputSeq = scenarioInputs(scenario).length;
    return run;
  }

  get now(): number {
    return this.nowMs;
  }

  /** How far the run has got: events before `ms`, or up to and including it. */
  get reached(): TimeMark {
    return { ms: this.nowMs, inclusive: this.nowInclusive };
  }

  get traceHash(): string {
    return this.hasher.hex;
  }

  /** The earliest pending event anywhere (host queues, batches in flight, inputs), or Infinity. */
  nextTime(): number {
    let t = this.inputs.first();
    for (const n of this.next.values()) if (n < t) t = n;
    return t;
  }

  /** Gives an input at `atMs` (default now), stamped by the input actor and recorded in the log. */
  input(action: InputAction, atMs = this.nowMs): void {
    const at = Math.max(atMs, this.nowMs);
    this.inputLog.push({ atMs: at, action });
    this.inputs.add(ACTOR.input, ++this.inputSeq, inputMessage(action, at));
  }

  /**
   * Runs every event before `targetMs` (or up to and including it) round by round. `stop` is
   * asked between rounds (a frame's wall-clock budget); returns false if it stopped early. A run
   * stopped early stands where the host that got furthest stands: the others catch up first.
   */
  async runUntil(targetMs: number, inclusive = false, stop?: () => boolean): Promise<boolean> {
    let target: TimeMark = { ms: targetMs, inclusive };
    let stopped = false;
    for (;;) {
      const start = this.nextTime();
      if (start > target.ms || (start === target.ms && !target.inclusive)) break;
      if (!stopped && stop?.()) {
        stopped = true;
        target = this.furthest();
        continue;
      }
      const ends = windowEnds(this.pendingNext(), target);
      this.absorb(await this.mergeWhileWaiting(this.grantRound(ends)));
    }
    this.mergePending();
    if (target.ms > this.nowMs) {
      this.nowMs = target.ms;
      this.nowInclusive = target.inclusive;
    } else if (target.ms === this.nowMs && target.inclusive) this.nowInclusive = true;
    return !stopped;
  }

  /** The furthest any host has run (where a run stopped early comes to rest). */
  private furthest(): TimeMark {
    let far: TimeMark = { ms: this.nowMs, inclusive: this.nowInclusive };
    for (const m of this.doneTo.values()) if (later(m, far)) far = m;
    return far;
  }

  /** Each host's next event: its queue and the batches on their way to it, or an input due to it. */
  private pendingNext(): Map<HostName, number> {
    return this.inputs.lower(this.next);
  }

  /** Every host's part now (after the batches of the last window are in). */
  async parts(selected?: number): Promise<ClusterParts> {
    const entries = await Promise.all(
      HOST_NAMES.map(
        async (h) =>
          [
            h,
            await this.cluster.host(h).control.part(this.expectFor(h), this.nowMs, selected),
          ] as const,
      ),
    );
    return new Map(entries);
  }

  reportView(parts: ClusterParts): ReportView {
    return clusterReportView(
      {
        scenario: this.scenario,
        nowMs: this.nowMs,
        metrics: this.metrics,
        traceHash: this.hasher.hex,
        carried: this.carried,
      },
      parts,
    );
  }

  /**
   * Terminates the gateway's host mid-run (the crash button) and starts a fresh one that is down
   * until the gateway's restart time. Events on the network are handed to it; connected phones
   * get the resets and the session manager the notice that `Gateway.crash()` sends in one thread.
   */
  async crashGateway(opts: { replaying?: boolean } = {}): Promise<void> {
    const t = this.nowMs;
    await this.syncAll();
    const gw = this.cluster.host('gateway');
    const old = await gw.control.part(this.expectFor('gateway'), t);
    if (old.host !== 'gateway') throw new Error('the gateway host answered with another part');
    const pending = await gw.control.drain(this.expectFor('gateway'));
    this.carried.events += old.events;
    Object.assign(
      this.carried.stats,
      mergeStats(this.carried.stats, { ...old.stats, crashes: old.stats.crashes + 1 }),
    );
    this.emitOwn(crashEvent(t));
    const epoch = old.gateway.epoch + 1;
    const fresh = await this.replaceHost('gateway', {
      epoch,
      restartAtMs: t + old.config.restartMs,
      config: old.config,
    });
    // Its own timers died with the process; what was on the network arrives at the new one.
    this.next.set(
      'gateway',
      await fresh.control.adopt(
        pending.filter((e) => !(e.src === ACTOR.gateway && e.to === ACTOR.gateway)),
      ),
    );
    const connected = await this.cluster.host('phones').control.connectedPhones();
    for (const n of crashNotices(t, epoch, connected))
      this.inputs.add(FAULT_SOURCE, ++this.faultSeq, n);
    // The log keeps the crash: replayed in one thread it is Gateway.crash() at the same moment;
    // a replay over workers reserves its place (`reserveInput`) and terminates the worker again.
    if (!opts.replaying) this.reserveInput(t);
  }

  /** Takes an input's place in the log and the numbering without scheduling it (a worker crash being replayed). */
  reserveInput(atMs: number): void {
    this.inputLog.push({ atMs, action: { do: 'crash' } });
    this.inputSeq++;
  }

  /** Terminates the store's host and starts a fresh one that loads the durable copy. */
  async restartStore(): Promise<void> {
    await this.syncAll();
    const st = this.cluster.host('store');
    const old = await st.control.part(this.expectFor('store'), this.nowMs);
    const pending = await st.control.drain(this.expectFor('store'));
    this.carried.events += old.events;
    const fresh = await this.replaceHost('store');
    this.next.set('store', await fresh.control.adopt(pending));
  }

  private async replaceHost(
    name: HostName,
    gatewayRestart?: HostSetup['gatewayRestart'],
  ): Promise<ReturnType<Cluster['host']>> {
    const fresh = await this.cluster.replace(name);
    for (const k of [...this.sent.keys()]) if (k.split('>').includes(name)) this.sent.delete(k);
    const setup = { ...this.setup('resume'), scenario: this.scenarioFor(name, false) };
    await fresh.control.init(gatewayRestart ? { ...setup, gatewayRestart } : setup);
    return fresh;
  }

  private setup(begin: StoreSetup['begin']): HostSetup {
    const history = this.opts.history && { history: { ...this.opts.history, begin } };
    return {
      run: this.runId,
      scenario: this.scenario,
      recordWire: this.opts.recordWire,
      store: { ...this.opts.store, begin },
      ...history,
    };
  }

  /**
   * The scenario as host `h` needs it: without its actions unless `h` queues some of them. A big
   * scenario is mostly actions, all addressed to the phones (or the gateway), and a setup is cloned
   * once per host. Numbering is kept: the actions come after every other scenario input.
   */
  private scenarioFor(h: HostName, queuesInputs: boolean): Scenario {
    const s = this.scenario;
    const needs = queuesInputs && s.actions.some((a) => hostOfActor(inputTarget(a.action)) === h);
    return needs ? s : { ...s, actions: [] };
  }

  private expectFor(h: HostName): WindowGrant['expect'] {
    const out: Partial<Record<HostName, number>> = {};
    for (const p of peersOf(h)) out[p] = this.sent.get(`${p}>${h}`) ?? 0;
    return out;
  }

  private async syncAll(): Promise<void> {
    await Promise.all(HOST_NAMES.map((h) => this.cluster.host(h).control.sync(this.expectFor(h))));
  }

  /** Grants every host an empty window at now, whether or not it has work (the bench's fixed cost of one window). */
  async idleWindow(): Promise<void> {
    const at: TimeMark = { ms: this.nowMs, inclusive: false };
    const ends = new Map(
      HOST_NAMES.map((h) => [h, later(this.doneTo.get(h)!, at) ? this.doneTo.get(h)! : at]),
    );
    this.absorb(await this.grantRound(ends, true));
    this.mergePending();
  }

  /** Posts the grants of one round (synchronously) and resolves with the hosts' reports. */
  private grantRound(
    ends: ReadonlyMap<HostName, TimeMark>,
    everyHost = false,
  ): Promise<[HostName, WindowReport][]> {
    const window = ++this.window;
    const due = this.inputs.take(ends);
    const peerEnds: Partial<Record<HostName, TimeMark>> = Object.fromEntries(ends);
    const calls: Promise<[HostName, WindowReport]>[] = [];
    for (const h of HOST_NAMES) {
      const end = ends.get(h)!;
      const inputs = due.get(h) ?? [];
      const done = this.doneTo.get(h)!;
      if (later(done, end))
        throw new Error(`${h}: a window ending before where the host already is`);
      this.doneTo.set(h, end);
      if (!everyHost && inputs.length === 0 && !within(this.next.get(h)!, end)) continue; // nothing for it in this round
      const grant: WindowGrant = {
        window,
        endMs: end.ms,
        inclusive: end.inclusive,
        expect: this.expectFor(h),
        inputs,
        peerEnds,
      };
      const host = this.cluster.host(h);
      calls.push((host.run ? host.run(grant) : host.control.run(grant)).then((r) => [h, r]));
    }
    return Promise.all(calls);
  }

  /** Takes in a window's reports: next event times, batches in flight, and the trace to merge. */
  private absorb(reports: [HostName, WindowReport][]): void {
    this.windows++;
    this.hostRuns += reports.length;
    for (const [h, r] of reports) {
      this.next.set(h, r.nextMs);
      this.crossEvents += r.sentEvents;
    }
    for (const [h, r] of reports)
      for (const [peer, minMs] of Object.entries(r.sent) as [HostName, number][]) {
        const key = `${h}>${peer}`;
        this.sent.set(key, (this.sent.get(key) ?? 0) + 1);
        this.next.set(peer, Math.min(this.next.get(peer)!, minMs));
      }
    this.merger.push(
      reports.map(([h, r]) => [h, r.trace] as const),
      this.doneTo,
    );
  }

  /**
   * Merges queued trace in slices until the window's reports are in, then stops (the rest waits
   * for the next window), so the next grant never waits for the hash. Slices are small enough
   * (about 0.1 ms) that a report is seen soon after it arrives.
   */
  private async mergeWhileWaiting<T>(reports: Promise<T>): Promise<T> {
    let arrived = false;
    void reports.then(
      () => (arrived = true),
      () => (arrived = true),
    );
    while (!arrived && this.merger.step(MERGE_SLICE)) await yieldToEventLoop();
    return reports;
  }

  /** Emits every queued window's trace, merged into the one-thread order, to every sink. */
  private mergePending(): void {
    this.merger.drain();
  }

  private emitOwn(ev: TraceEvent): void {
    this.mergePending();
    for (const s of this.sinks) s.emit(ev);
  }
}
