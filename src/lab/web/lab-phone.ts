/**
 * One phone of lab mode as a real MQTT 3.1.1 client (MQTT.js): a persistent session
 * (`clean: false`), QoS 1, its own inbox topic. Going offline either says goodbye (DISCONNECT) or
 * drops the socket without one (lost signal); coming back reconnects with the same client id and
 * the same message stores, so unacknowledged PUBLISHes are sent again with DUP.
 */
import type { IClientOptions, MqttClient, Store } from 'mqtt';
import type { Packet } from 'mqtt-packet';
import type { LabOfflineHow, LabPhoneState } from '../../bridge/lab-api';

/** What a phone needs from MQTT.js (injected, so Node tests can pass the Node build). */
export interface MqttLib {
  connect(url: string, opts: IClientOptions): MqttClient;
  newStore(): Store;
}

export interface LabPhoneEvents {
  packet(dir: 'up' | 'down', p: Packet): void;
  message(payload: Uint8Array, dup: boolean): void;
  /** The connection dropped without the phone asking (the broker stopped, restarted or refused). */
  dropped(): void;
  /** MQTT.js reported an error (a refused CONNACK, a packet it could not read). */
  error(message: string): void;
  changed(): void;
}

export interface LabPhoneOptions {
  readonly url: string;
  readonly clientId: string;
  readonly topic: string;
  readonly keepAliveSec: number;
  readonly connectTimeoutMs: number;
  /** A spike connection: clean session, no reconnects, no subscription. */
  readonly transient?: boolean;
}

/** MQTT.js tries again this often after an unexpected drop. */
const RECONNECT_MS = 1_000;

export class LabPhone {
  state: LabPhoneState = 'connecting';
  sessionPresent: boolean | undefined;
  private readonly client: MqttClient;
  private readonly stores: { incomingStore: Store; outgoingStore: Store };

  constructor(
    private readonly lib: MqttLib,
    readonly opts: LabPhoneOptions,
    private readonly on: LabPhoneEvents,
  ) {
    this.stores = { incomingStore: lib.newStore(), outgoingStore: lib.newStore() };
    this.client = lib.connect(opts.url, {
      clientId: opts.clientId,
      protocolVersion: 4,
      clean: opts.transient === true,
      keepalive: opts.keepAliveSec,
      connectTimeout: opts.connectTimeoutMs,
      reconnectPeriod: opts.transient ? 0 : RECONNECT_MS,
      // Like the engine's phone: subscribe only when the broker kept no session.
      resubscribe: false,
      // So the packet listeners below see the CONNECT too.
      manualConnect: true,
      ...this.stores,
    });
    const c = this.client;
    c.on('packetsend', (p: Packet) => on.packet('up', p));
    c.on('packetreceive', (p: Packet) => on.packet('down', p));
    c.on('connect', (connack) => {
      this.state = 'online';
      this.sessionPresent = connack.sessionPresent;
      if (!connack.sessionPresent && !opts.transient) c.subscribe(opts.topic, { qos: 1 });
      on.changed();
    });
    c.on('message', (_topic, payload, packet) =>
      on.message(new Uint8Array(payload), packet.dup === true),
    );
    c.on('close', () => {
      if (this.state === 'online' || this.state === 'connecting') {
        this.state = opts.transient ? 'offline' : 'reconnecting';
        on.dropped();
        on.changed();
      }
    });
    c.on('error', (e) => on.error(e.message));
    c.connect();
  }

  get online(): boolean {
    return this.state === 'online';
  }

  /** `close`: DISCONNECT, then the socket closes. `lose-signal`: the socket drops, no DISCONNECT. */
  goOffline(how: LabOfflineHow): void {
    if (this.state === 'offline' || this.state === 'no-signal') return;
    this.state = how === 'close' ? 'offline' : 'no-signal';
    this.client.end(how === 'lose-signal');
    this.on.changed();
  }

  comeBack(): void {
    if (this.state !== 'offline' && this.state !== 'no-signal') return;
    this.state = 'connecting';
    this.client.reconnect(this.stores);
    this.on.changed();
  }

  /** Publishes at QoS 1; `acked` runs when the broker's PUBACK arrives. */
  publish(topic: string, payload: string, acked: () => void): void {
    this.client.publish(topic, payload, { qos: 1 }, (err) => {
      if (!err) acked();
    });
  }

  /** Ends the connection for good (with DISCONNECT when it is up). */
  stop(): void {
    this.state = 'offline';
    this.client.end(false);
  }
}
