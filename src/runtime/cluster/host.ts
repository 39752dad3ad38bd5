import { Kernel } from '../../engine/kernel/kernel';
import type { SearchResultView } from '../../bridge/playground-api';
import type { TraceEvent } from '../../engine/kernel/trace';
import type { SimMessage, StoredItem } from '../../engine/model/messages';
import { chatIdsOnWire } from '../../engine/sim/report';
import { ACTOR } from '../../engine/model/actors';
import { scenarioInputs } from '../../engine/sim/simulation';
import type { Component, ComponentFactory } from './components';
import { compareItems } from './durable-store';
import { hostOfActor, type HostName } from './partition';
import type {
  AdoptResult,
  DataBatch,
  HostControl,
  HostPart,
  HostSetup,
  PhoneConnection,
  PortLike,
  SimEvent,
  TimeMark,
  WindowGrant,
  WindowReport,
} from './host-messages';
import { TracePacker } from './trace-codec';
import { decodeEvents, encodeEvents } from './event-codec';
import { checkBatchHead, checkEvent, checkExpect, checkGrant } from './validate';

/** Where a host writes what it rejects: `console.error` in workers, a list in tests. */
export type Logger = (message: string) => void;

interface Peer {
  readonly port: PortLike;
  readonly listener: (ev: MessageEvent) => void;
  received: number;
}

/**
 * One host of a run: a kernel with one component's actors, its links to peer hosts, and the
 * window protocol. Events for actors elsewhere collect in one outbox per peer and leave as one
 * batch per window; batches that arrive are checked, then accepted with their original order key.
 */
export class Host implements HostControl {
  private kernel = new Kernel<SimMessage>();
  private component: Component | undefined;
  private runId = 0;
  private readonly peers = new Map<HostName, Peer>();
  private outbox = new Map<HostName, SimEvent[]>();
  private trace = new TracePacker();
  private endMs = 0;
  private inclusive = false;
  /** Where the peers' windows of this round end (see WindowGrant.peerEnds). */
  private peerEnds: WindowGrant['peerEnds'] = undefined;
  private fault: Error | undefined;
  private waiters: (() => void)[] = [];

  constructor(
    readonly name: HostName,
    private readonly factory: ComponentFactory,
    private readonly log: Logger = (m) => console.error(m),
  ) {}

  async init(setup: HostSetup): Promise<number> {
    this.component?.close?.();
    this.kernel = new Kernel<SimMessage>();
    this.kernel.remote = (ev) => this.route(ev);
    // The packer copies every field at once (it keeps only the wire list), so it can borrow the event.
    this.kernel.addSink({ emit: (ev) => this.tag(ev), borrows: true });
    this.runId = setup.run;
    for (const p of this.peers.values()) p.received = 0;
    this.outbox = new Map();
    this.trace = new TracePacker();
    this.endMs = 0;
    this.inclusive = false;
    this.peerEnds = undefined;
    this.fault = undefined;
    this.component = await this.factory(this.kernel, setup);
    // The scenario is known to every host: each queues its own share of the scenario's inputs
    // rather than receiving them through the coordinator (10,000 sends would cross twice).
    if (setup.scenarioInputs) {
      let seq = 0;
      for (const i of scenarioInputs(setup.scenario)) {
        seq++;
        if (hostOfActor(i.to) === this.name)
          this.kernel.accept({ atMs: i.atMs, src: ACTOR.input, seq, to: i.to, msg: i.msg });
      }
    }
    return this.kernel.nextTime();
  }

  async connect(peer: HostName, port: PortLike): Promise<void> {
    const old = this.peers.get(peer);
    if (old) {
      old.port.removeEventListener('message', old.listener);
      old.port.close?.();
    }
    const listener = (ev: MessageEvent): void => this.onBatch(peer, ev.data);
    port.addEventListener('message', listener);
    port.start?.();
    this.peers.set(peer, { port, listener, received: 0 });
  }

  async run(grant: WindowGrant): Promise<WindowReport> {
    const bad = checkGrant(grant, this.name);
    if (bad) throw new Error(`${this.name}: rejected a window grant: ${bad}`);
    await this.arrivals(grant.expect);
    for (const ev of grant.inputs) {
      if (ev.atMs < this.kernel.now)
        throw new Error(
          `${this.name}: an input at ${ev.atMs} ms is in the past of this host (${this.kernel.now} ms)`,
        );
      this.kernel.accept(ev);
    }
    this.endMs = grant.endMs;
    this.inclusive = grant.inclusive;
    this.peerEnds = grant.peerEnds;
    this.kernel.runUntil(grant.endMs, grant.inclusive);
    const sent: Partial<Record<HostName, number>> = {};
    let sentEvents = 0;
    for (const [peer, events] of this.outbox) {
      if (events.length === 0) continue;
      sentEvents += events.length;
      const packed = encodeEvents(events);
      const end = this.endOf(peer);
      const batch: DataBatch = {
        type: 'doubletick.batch',
        run: this.runId,
        from: this.name,
        window: grant.window,
        endMs: end.ms,
        inclusive: end.inclusive,
        events: packed,
      };
      this.peers.get(peer)!.port.postMessage(batch, [packed]);
      let min = Infinity;
      for (const e of events) if (e.atMs < min) min = e.atMs;
      sent[peer] = min;
      this.outbox.set(peer, []);
    }
    await this.component?.afterWindow?.({ ms: grant.endMs, inclusive: grant.inclusive });
    return {
      window: grant.window,
      nextMs: this.kernel.nextTime(),
      sent,
      sentEvents,
      trace: this.trace.take(),
    };
  }

  async sync(expect: WindowGrant['expect']): Promise<void> {
    await this.arrivals(expect);
  }

  async part(expect: WindowGrant['expect'], nowMs: number, selected?: number): Promise<HostPart> {
    await this.arrivals(expect);
    const part = this.need().part(nowMs, selected);
    return {
      ...part,
      events: this.kernel.eventsProcessed,
      onWire: chatIdsOnWire(this.kernel.pendingEvents()),
    };
  }

  async drain(expect: WindowGrant['expect']): Promise<SimEvent[]> {
    await this.arrivals(expect);
    return [...this.kernel.pendingEvents()];
  }

  async adopt(events: SimEvent[]): Promise<number> {
    for (let i = 0; i < events.length; i++) {
      const bad = checkEvent(events[i], this.name, `events[${i}]`);
      if (bad) throw new Error(`${this.name}: rejected handed-over events: ${bad}`);
    }
    for (const ev of events) this.kernel.accept(ev);
    return this.kernel.nextTime();
  }

  async storeItems(msg: number): Promise<StoredItem[]> {
    return this.durable()
      .all()
      .filter((it) => it.msg === msg);
  }

  async storeMark(): Promise<TimeMark | undefined> {
    return this.durable().durableMark();
  }

  async storeAdopt(): Promise<AdoptResult> {
    const { durable, replayed } = await this.durable().adoptDurable();
    const detail = compareItems(durable, replayed);
    return {
      restored: durable.length,
      agreed: detail === '',
      ...(detail ? { detail: `durable vs replayed: ${detail}` } : {}),
    };
  }

  async storeCheckpoint(mark: TimeMark): Promise<void> {
    await this.durable().checkpoint(mark);
  }

  async historyCheckpoint(mark: TimeMark): Promise<void> {
    const c = this.need();
    if (!c.historyCheckpoint)
      throw new Error(`${this.name}: only the phones host keeps the phones' history`);
    await c.historyCheckpoint(mark);
  }

  async connectedPhones(): Promise<PhoneConnection[]> {
    const c = this.need();
    if (!c.connectedPhones) throw new Error(`${this.name}: only the phones host knows connections`);
    return c.connectedPhones();
  }

  async search(user: number, query: string): Promise<SearchResultView[]> {
    const c = this.need();
    if (!c.search) throw new Error(`${this.name}: only the phones host can search a phone`);
    return c.search(user, query);
  }

  /** Closes the host's ports (a worker's end; an in-thread host's "terminate"). */
  close(): void {
    for (const p of this.peers.values()) {
      p.port.removeEventListener('message', p.listener);
      p.port.close?.();
    }
    this.peers.clear();
    this.component?.close?.();
  }

  private need(): Component {
    if (!this.component) throw new Error(`${this.name}: not initialised (init first)`);
    return this.component;
  }

  private durable(): NonNullable<Component['durable']> {
    const d = this.need().durable;
    if (!d) throw new Error(`${this.name}: only the store host keeps stored items`);
    return d;
  }

  /** Resolves once every announced batch has arrived (they are accepted as they come). */
  private async arrivals(expect: WindowGrant['expect']): Promise<void> {
    const bad = checkExpect(expect);
    if (bad) throw new Error(`${this.name}: ${bad}`);
    for (;;) {
      if (this.fault) throw this.fault;
      let missing: string | undefined;
      for (const [peer, n] of Object.entries(expect) as [HostName, number][]) {
        const p = this.peers.get(peer);
        if (!p)
          throw new Error(`${this.name}: expects batches from ${peer}, but has no link to it`);
        if (p.received < n) missing = peer;
      }
      if (missing === undefined) return;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private onBatch(peer: HostName, data: unknown): void {
    const reject = (why: string): void =>
      this.log(
        `[doubletick ${this.name}] rejected a message on the port from ${peer}: ${why}; it was dropped and nothing of it applied`,
      );
    const bad = checkBatchHead(data);
    if (bad) return reject(bad);
    const batch = data as DataBatch;
    if (batch.run !== this.runId) return; // a previous run's last batch, still in the port when the cluster was rebuilt
    if (batch.from !== peer) {
      this.log(
        `[doubletick ${this.name}] rejected a batch on the port from ${peer}: it says it is from ${batch.from}`,
      );
      return;
    }
    const unpacked = decodeEvents(batch.events, this.name);
    if (!unpacked.ok) return reject(unpacked.error);
    for (const ev of unpacked.events) {
      // The lookahead guarantee: a cross-host event never lands inside a window already run.
      const early = batch.inclusive ? ev.atMs <= batch.endMs : ev.atMs < batch.endMs;
      if (early || ev.atMs < this.kernel.now) {
        this.fault = new Error(
          `${this.name}: lookahead violated: event for actor ${ev.to} (${ev.msg.type}) from ${peer} at ${ev.atMs} ms, but the sender's window ended at ${batch.endMs} ms and this host is at ${this.kernel.now} ms`,
        );
        break;
      }
      this.kernel.accept(ev);
    }
    this.peers.get(peer)!.received++;
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }

  private route(ev: SimEvent): void {
    const host = hostOfActor(ev.to);
    if (host === this.name) return this.kernel.accept(ev); // an actor of ours not registered yet
    if (host === undefined || !this.peers.has(host))
      throw new Error(
        `${this.name}: no link to the host of actor ${ev.to} (${host ?? 'none'}) for ${ev.msg.type}`,
      );
    const end = this.endOf(host);
    const early = end.inclusive ? ev.atMs <= end.ms : ev.atMs < end.ms;
    if (early)
      throw new Error(
        `${this.name}: lookahead violated: ${ev.msg.type} from actor ${ev.src} to actor ${ev.to} at ${ev.atMs} ms, inside the ${host} host's window ending at ${end.ms} ms`,
      );
    let box = this.outbox.get(host);
    if (!box) this.outbox.set(host, (box = []));
    box.push(ev);
  }

  /** Where `peer`'s window of this round ends (this host's own end when the grant does not say). */
  private endOf(peer: HostName): TimeMark {
    return this.peerEnds?.[peer] ?? { ms: this.endMs, inclusive: this.inclusive };
  }

  private tag(ev: TraceEvent): void {
    const k = this.kernel;
    this.trace.add(k.now, k.currentSrc, k.currentSeq, ev);
  }
}
