/**
 * Lab mode's state in the lab worker: the run's users as real MQTT clients on one broker, the
 * packets they send and receive, the learner's inputs (kept for the side-by-side replay), a spike
 * of real connections, and what went wrong, in words. It sends the page a snapshot after changes,
 * at most every {@link EMIT_MS}.
 */
import type { Packet } from 'mqtt-packet';
import {
  LAB_LIMITS,
  SPIKE_CLIENT,
  type LabCommand,
  type LabPacketView,
  type LabSnapshot,
  type LabStart,
  type LabStatus,
} from '../../bridge/lab-api';
import { LAB_START_COMMAND } from '../../bridge/lab-url';
import { sideBySide, type ComparedPacket, type LabInput } from '../side-by-side';
import { decodeLabMessage, encodeLabMessage } from './lab-message';
import { LabPhone, type MqttLib } from './lab-phone';
import { capturePacket } from './packet-capture';
import { LabSpike } from './lab-spike';

export interface LabRoomDeps {
  readonly mqtt: MqttLib;
  /** Resolves with `undefined` when a broker answered, else with what is wrong. */
  probe(url: string, clientId: string): Promise<string | undefined>;
  nowMs(): number;
  emit(s: LabSnapshot): void;
}

const EMIT_MS = 50;
/** After this long with no connection, a drop is reported as the broker being gone. */
const GONE_AFTER_MS = 8_000;
/** Packets kept for the comparison (a spike of 190 makes about 600). */
const MAX_COMPARED_PACKETS = 100_000;

const shown = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

const HOW_TO_START = `Start one with \`${LAB_START_COMMAND}\` and use the WebSocket address it prints (ws://127.0.0.1:…).`;

interface PhoneRecord {
  readonly name: string;
  readonly phone: LabPhone;
  readonly inbox: { key: string; from: string; text: string; copies: number }[];
  readonly sent: { to: string; text: string; acked: boolean }[];
  sentCount: number;
}

export class LabRoom {
  private status: LabStatus = 'checking';
  private problem: string | undefined;
  private notice: string | undefined;
  private readonly phones = new Map<string, PhoneRecord>();
  private readonly log: LabPacketView[] = [];
  private readonly compared: ComparedPacket[] = [];
  private readonly inputs: LabInput[] = [];
  private packetTotal = 0;
  private spikeLogged = 0;
  private delivered = 0;
  private spike: LabSpike | undefined;
  private comparison: LabSnapshot['comparison'];
  private comparing = false;
  private startedMs = 0;
  private droppedAtMs: number | undefined;
  private emitTimer: ReturnType<typeof setTimeout> | undefined;
  private goneTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly prefix: string;

  constructor(
    private readonly deps: LabRoomDeps,
    private readonly start: LabStart,
  ) {
    // Client ids from the run (MQTT-3.1.3-5: 23 characters of [0-9a-zA-Z] always fit; ours are short).
    this.prefix = `dt-${start.runId.replace(/[^0-9a-zA-Z]/g, '').slice(0, 8)}`;
  }

  private now = (): number => Math.round(this.deps.nowMs() - this.startedMs);
  private topicOf = (user: string): string => `dt/${this.prefix.slice(3)}/u/${user}`;

  /** Checks the broker, then connects one phone per user. */
  async open(): Promise<void> {
    const problem = await this.deps.probe(this.start.url, `${this.prefix}-probe`);
    if (problem !== undefined) {
      this.status = 'failed';
      this.problem = `${problem} ${HOW_TO_START}`;
      this.flush();
      return;
    }
    this.status = 'running';
    this.startedMs = this.deps.nowMs();
    for (const name of this.start.users.slice(0, LAB_LIMITS.maxPhones)) this.addPhone(name);
    this.flush();
  }

  private addPhone(name: string): void {
    const rec: PhoneRecord = {
      name,
      inbox: [],
      sent: [],
      sentCount: 0,
      phone: new LabPhone(
        this.deps.mqtt,
        {
          url: this.start.url,
          clientId: `${this.prefix}-${name.replace(/[^0-9a-zA-Z]/g, '').slice(0, 12)}`,
          topic: this.topicOf(name),
          keepAliveSec: LAB_LIMITS.keepAliveSec,
          connectTimeoutMs: LAB_LIMITS.connectTimeoutMs,
        },
        {
          packet: (dir, p) => this.capture(name, dir, p),
          message: (payload, dup) => this.receive(rec, payload, dup),
          dropped: () => this.dropped(name),
          error: (m) =>
            this.report(`The broker or the connection failed for ${shown(name)}: ${m}.`),
          changed: () => this.changed(),
        },
      ),
    };
    this.phones.set(name, rec);
  }

  private capture(client: string, dir: 'up' | 'down', p: Packet): void {
    const c = capturePacket(p, dir, client, this.packetTotal + 1, this.now());
    if (!c) return;
    this.packetTotal++;
    // A spike's packets are all counted but only some shown, so the log keeps the phones' story.
    if (client !== SPIKE_CLIENT || this.spikeLogged++ % LAB_LIMITS.spikeLogEvery === 0)
      this.logged(c.view);
    if (this.compared.length < MAX_COMPARED_PACKETS)
      this.compared.push({ client, session: c.session, byteLength: c.byteLength });
    if (dir === 'down' && c.session.type === 'CONNACK' && client !== SPIKE_CLIENT) this.back();
    this.changed();
  }

  private logged(view: LabPacketView): void {
    this.log.push(view);
    if (this.log.length > LAB_LIMITS.logPackets)
      this.log.splice(0, this.log.length - LAB_LIMITS.logPackets);
  }

  private receive(rec: PhoneRecord, payload: Uint8Array, dup: boolean): void {
    const m = decodeLabMessage(payload);
    const key = m.id < 0 ? `?${this.packetTotal}` : `${m.from}#${m.id}`;
    const had = rec.inbox.find((x) => x.key === key);
    // QoS 1 is at least once: a copy (DUP or not) is counted, never shown twice.
    if (had) had.copies += 1;
    else {
      if (m.id >= 0) this.delivered++;
      rec.inbox.push({ key, from: m.from, text: m.text, copies: dup ? 1 : 0 });
      if (rec.inbox.length > LAB_LIMITS.inboxMessages) rec.inbox.shift();
    }
    this.changed();
  }

  private dropped(name: string): void {
    const at = this.now();
    // Several phones dropping together is one event: the broker went away (or restarted).
    if (this.droppedAtMs === undefined || at - this.droppedAtMs > 2_000) {
      this.inputs.push({ atMs: at, do: 'broker-restart' });
      this.notice = `The broker closed ${shown(name)}'s connection without being asked (stopped or restarted?). MQTT.js reconnects every second; watch sessionPresent in the CONNACK.`;
    }
    this.droppedAtMs = at;
    clearTimeout(this.goneTimer);
    this.goneTimer = setTimeout(() => {
      if ([...this.phones.values()].some((p) => p.phone.state === 'reconnecting'))
        this.report(
          `The broker at ${this.start.url} has not answered for ${GONE_AFTER_MS / 1000} s. Start it again with \`${LAB_START_COMMAND}\` (sessions are kept on disk), or switch Real broker off: the simulated playground is still there.`,
        );
    }, GONE_AFTER_MS);
  }

  /** A phone is connected again: a problem about the broker being gone is over. */
  private back(): void {
    if (this.droppedAtMs === undefined) return;
    if ([...this.phones.values()].some((p) => p.phone.state === 'reconnecting')) return;
    clearTimeout(this.goneTimer);
    this.droppedAtMs = undefined;
    if (this.problem?.includes('has not answered')) {
      this.problem = undefined;
      this.notice = 'The broker is back; every phone reconnected.';
    }
  }

  private report(problem: string): void {
    this.problem = problem;
    this.changed();
  }

  command(c: LabCommand): void {
    if (this.status !== 'running') return;
    this.notice = undefined;
    switch (c.do) {
      case 'send':
        return this.send(c.from, c.to, c.text);
      case 'offline':
      case 'online': {
        const rec = this.phones.get(c.user);
        if (!rec) return;
        if (c.do === 'offline') rec.phone.goOffline(c.how);
        else rec.phone.comeBack();
        this.inputs.push(
          c.do === 'offline'
            ? { atMs: this.now(), do: 'offline', user: c.user, how: c.how }
            : { atMs: this.now(), do: 'online', user: c.user },
        );
        return this.changed();
      }
      case 'spike':
        return this.startSpike(c.connections);
      case 'compare':
        return this.compare();
    }
  }

  private send(from: string, to: string, text: string): void {
    const rec = this.phones.get(from);
    if (!rec || !this.phones.has(to) || text.trim() === '') return;
    const body = text.slice(0, LAB_LIMITS.maxTextChars);
    rec.sentCount += 1;
    const sent = { to, text: body, acked: false };
    rec.sent.push(sent);
    if (rec.sent.length > LAB_LIMITS.inboxMessages) rec.sent.shift();
    this.inputs.push({ atMs: this.now(), do: 'send', from, to, text: body });
    rec.phone.publish(
      this.topicOf(to),
      encodeLabMessage({ id: rec.sentCount, from, text: body }),
      () => {
        sent.acked = true;
        this.changed();
      },
    );
    this.changed();
  }

  private startSpike(asked: number): void {
    const n = Math.max(1, Math.min(LAB_LIMITS.maxSpikeConnections, Math.floor(asked)));
    this.spike?.stop();
    this.inputs.push({ atMs: this.now(), do: 'spike', connections: n });
    this.spike = new LabSpike(this.deps.mqtt, {
      url: this.start.url,
      clientIdPrefix: `${this.prefix}-s`,
      topicOf: (i) => this.topicOf(`s${i}`),
      connections: n,
      nowMs: this.deps.nowMs,
      packet: (dir, p) => this.capture(SPIKE_CLIENT, dir, p),
      changed: () => this.changed(),
    });
  }

  private compare(): void {
    this.comparing = true;
    this.flush();
    // After the snapshot that says "comparing" has gone out.
    setTimeout(() => {
      try {
        this.comparison = sideBySide({
          users: [...this.phones.keys()],
          inputs: this.inputs,
          elapsedMs: this.now(),
          packets: this.compared,
          delivered: this.delivered,
        });
      } catch (e) {
        this.notice = `The simulation could not replay this run: ${(e as Error).message}`;
      }
      this.comparing = false;
      this.flush();
    }, 0);
  }

  /** Ends every connection (DISCONNECT where connected). */
  stop(): void {
    clearTimeout(this.goneTimer);
    clearTimeout(this.emitTimer);
    this.spike?.stop();
    for (const p of this.phones.values()) p.phone.stop();
    this.status = 'stopped';
  }

  private changed(): void {
    if (this.emitTimer !== undefined) return;
    this.emitTimer = setTimeout(() => this.flush(), EMIT_MS);
  }

  private flush(): void {
    clearTimeout(this.emitTimer);
    this.emitTimer = undefined;
    this.deps.emit(this.snapshot());
  }

  snapshot(): LabSnapshot {
    return {
      status: this.status,
      url: this.start.url,
      ...(this.problem !== undefined ? { problem: this.problem } : {}),
      ...(this.notice !== undefined ? { notice: this.notice } : {}),
      phones: [...this.phones.values()].map((r) => ({
        name: r.name,
        clientId: r.phone.opts.clientId,
        topic: r.phone.opts.topic,
        state: r.phone.state,
        ...(r.phone.sessionPresent !== undefined ? { sessionPresent: r.phone.sessionPresent } : {}),
        inbox: r.inbox.map(({ from, text, copies }) => ({ from, text, copies })),
        sent: r.sent.map((s) => ({ ...s })),
      })),
      packets: [...this.log],
      packetTotal: this.packetTotal,
      ...(this.spike ? { spike: this.spike.view() } : {}),
      ...(this.comparison ? { comparison: this.comparison } : {}),
      comparing: this.comparing,
    };
  }
}
