import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData } from 'ws';

/**
 * Browsers speak MQTT over WebSocket; Debian's Mosquitto 2.0.11 has no WebSocket listener. This
 * bridge accepts WebSocket connections and gives each one its own TCP connection to the broker,
 * bytes unchanged both ways (MQTT 3.1.1 §6).
 */
export interface WsBridgeOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly brokerPort: number;
  /** Largest WebSocket message accepted: the broker's max_packet_size. */
  readonly maxPayloadBytes: number;
  readonly maxConnections: number;
}

export interface WsBridge {
  readonly port: number;
  readonly url: string;
  connections(): number;
  close(): Promise<void>;
}

export function startWsBridge(opts: WsBridgeOptions): Promise<WsBridge> {
  const wss = new WebSocketServer({
    host: opts.host,
    port: opts.port,
    maxPayload: opts.maxPayloadBytes,
    // MQTT-6.0.0-4: the subprotocol the server selects and returns must be "mqtt".
    handleProtocols: (offered) => (offered.has('mqtt') ? 'mqtt' : false),
  });
  wss.on('connection', (ws) => {
    if (wss.clients.size > opts.maxConnections) {
      ws.close(1013, 'lab bridge is full');
      return;
    }
    const tcp = connect({ host: '127.0.0.1', port: opts.brokerPort });
    tcp.setNoDelay(true);
    tcp.on('data', (b) => ws.send(b, { binary: true }));
    tcp.on('close', () => ws.close(1001, 'broker closed the connection'));
    tcp.on('error', () => ws.terminate());
    tcp.on('drain', () => ws.resume());
    ws.on('message', (data: RawData, isBinary: boolean) => {
      // MQTT-6.0.0-1: packets travel in binary frames; anything else closes the connection.
      if (!isBinary) {
        ws.close(1003, 'MQTT needs binary frames');
        return;
      }
      const chunks = Array.isArray(data) ? data : [Buffer.from(data as ArrayBuffer)];
      for (const c of chunks) if (!tcp.write(c)) ws.pause();
    });
    ws.on('close', () => tcp.end());
    ws.on('error', () => tcp.destroy());
  });
  return new Promise((resolve, reject) => {
    wss.once('error', reject);
    wss.once('listening', () => {
      const port = (wss.address() as AddressInfo).port;
      const shown = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
      resolve({
        port,
        url: `ws://${shown}:${port}`,
        connections: () => wss.clients.size,
        close: () =>
          new Promise<void>((done) => {
            for (const c of wss.clients) c.terminate();
            wss.close(() => done());
          }),
      });
    });
  });
}
