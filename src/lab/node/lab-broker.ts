import { startMosquitto, type Mosquitto } from './mosquitto-process';
import { startWsBridge, type WsBridge } from './ws-bridge';

/** Must match max_packet_size and max_connections in lab/mosquitto.conf. */
export const LAB_MAX_PACKET_BYTES = 65_536;
export const LAB_MAX_CONNECTIONS = 1000;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
export const isLoopback = (host: string): boolean => LOOPBACK.has(host) || host.startsWith('127.');

export interface LabOptions {
  readonly configPath: string;
  readonly dataDir: string;
  /** Where the WebSocket bridge listens (loopback unless `expose`). */
  readonly host?: string;
  /** 0 (the default) picks a free port. */
  readonly wsPort?: number;
  /** The explicit consent to listen beyond loopback. */
  readonly expose?: boolean;
  readonly onLog?: (line: string) => void;
}

/** Mosquitto on loopback TCP plus the WebSocket bridge browsers use. */
export interface Lab {
  readonly broker: Mosquitto;
  readonly bridge: WsBridge;
  /** mqtt://127.0.0.1:<port>, for Node clients. */
  readonly tcpUrl: string;
  /** ws://<host>:<port>, for browsers. */
  readonly wsUrl: string;
  stop(): Promise<void>;
}

export async function startLab(opts: LabOptions): Promise<Lab> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopback(host) && !opts.expose)
    throw new Error(
      `refusing to listen on ${host}: that opens the broker to the network; add --expose to mean it`,
    );
  const broker = await startMosquitto(opts);
  let bridge: WsBridge;
  try {
    bridge = await startWsBridge({
      host,
      port: opts.wsPort ?? 0,
      brokerPort: broker.port,
      maxPayloadBytes: LAB_MAX_PACKET_BYTES,
      maxConnections: LAB_MAX_CONNECTIONS,
    });
  } catch (e) {
    await broker.stop();
    throw e;
  }
  return {
    broker,
    bridge,
    tcpUrl: `mqtt://127.0.0.1:${broker.port}`,
    wsUrl: bridge.url,
    async stop() {
      await bridge.close();
      await broker.stop();
    },
  };
}
