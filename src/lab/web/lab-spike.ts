/**
 * A spike of real connections: N MQTT.js clients connecting at once to the broker, each
 * subscribing to its own inbox as a phone does, with a clean session (they carry no messages, so
 * the broker keeps nothing for them afterwards), counted as they are accepted or fail. They stay
 * connected until the next spike or the end of the lab. A connection that never opened sent
 * nothing: its packets (MQTT.js writes CONNECT before the socket is open) are not reported.
 */
import type { MqttClient } from 'mqtt';
import type { Packet } from 'mqtt-packet';
import type { LabSpikeView } from '../../bridge/lab-api';
import type { MqttLib } from './lab-phone';

export interface LabSpikeOptions {
  readonly url: string;
  readonly clientIdPrefix: string;
  /** Each spike phone's inbox topic. */
  topicOf(i: number): string;
  readonly connections: number;
  nowMs(): number;
  packet(dir: 'up' | 'down', p: Packet): void;
  changed(): void;
}

const SPIKE_KEEPALIVE_SEC = 60;
const SPIKE_CONNECT_TIMEOUT_MS = 15_000;

export class LabSpike {
  private readonly clients: MqttClient[] = [];
  private connected = 0;
  private failed = 0;
  private readonly startedMs: number;
  private lastMs: number;

  constructor(
    lib: MqttLib,
    private readonly opts: LabSpikeOptions,
  ) {
    this.startedMs = opts.nowMs();
    this.lastMs = this.startedMs;
    for (let i = 0; i < opts.connections; i++) {
      let settled = false;
      const settle = (ok: boolean): void => {
        if (settled) return;
        settled = true;
        if (ok) {
          this.connected++;
          this.lastMs = opts.nowMs();
        } else this.failed++;
        opts.changed();
      };
      const c = lib.connect(opts.url, {
        clientId: `${opts.clientIdPrefix}${i}`,
        protocolVersion: 4,
        clean: true,
        keepalive: SPIKE_KEEPALIVE_SEC,
        connectTimeout: SPIKE_CONNECT_TIMEOUT_MS,
        reconnectPeriod: 0,
        manualConnect: true,
      });
      // Held until the broker answers: a connection that fails never put them on the wire.
      let held: [dir: 'up' | 'down', p: Packet][] | undefined = [];
      const report = (dir: 'up' | 'down', p: Packet): void => {
        if (held) held.push([dir, p]);
        else opts.packet(dir, p);
      };
      c.on('packetsend', (p: Packet) => report('up', p));
      c.on('packetreceive', (p: Packet) => report('down', p));
      c.on('connect', () => {
        for (const [dir, p] of held ?? []) opts.packet(dir, p);
        held = undefined;
        c.subscribe(opts.topicOf(i), { qos: 1 });
        settle(true);
      });
      c.on('error', () => settle(false));
      c.on('close', () => settle(false));
      c.connect();
      this.clients.push(c);
    }
  }

  view(): LabSpikeView {
    return {
      asked: this.opts.connections,
      connected: this.connected,
      failed: this.failed,
      elapsedMs: Math.round(this.lastMs - this.startedMs),
      done: this.connected + this.failed === this.opts.connections,
    };
  }

  /** Ends every spike connection (DISCONNECT where connected). */
  stop(): void {
    for (const c of this.clients) c.end(false);
  }
}
