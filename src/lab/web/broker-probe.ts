/**
 * Before any phone connects: is there an MQTT broker at this address? One WebSocket (subprotocol
 * `mqtt`), one CONNECT with a clean session, and the answer read by the engine's codec. The
 * result names what is wrong: nothing listening, not an MQTT endpoint, a refusal, or silence.
 */
import { decodeMqtt, encodeMqtt } from '../../engine/protocols/mqtt/codec';
import { CONNACK_REASONS } from '../../engine/protocols/mqtt/topics';

/** The part of the browser's WebSocket the probe uses (Node tests pass the `ws` package's). */
export interface ProbeSocket {
  binaryType: string;
  readonly protocol: string;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: Uint8Array): void;
  close(): void;
}

export type OpenSocket = (url: string, protocols: string[]) => ProbeSocket;

/** Resolves with `undefined` when a broker accepted a CONNECT, else with what went wrong. */
export function probeBroker(
  url: string,
  open: OpenSocket,
  clientId: string,
  timeoutMs: number,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    let ws: ProbeSocket;
    let opened = false;
    let settled = false;
    const done = (problem: string | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try {
        ws.close();
      } catch {
        // already closed
      }
      resolve(problem);
    };
    const timer = setTimeout(
      () =>
        done(
          opened
            ? `The server at ${url} accepted a WebSocket but gave no MQTT answer (CONNACK) within ${timeoutMs / 1000} s.`
            : `Nothing answered at ${url} within ${timeoutMs / 1000} s.`,
        ),
      timeoutMs,
    );
    try {
      ws = open(url, ['mqtt']);
    } catch (e) {
      clearTimeout(timer);
      resolve(`The browser would not open ${url}: ${(e as Error).message}.`);
      return;
    }
    ws.binaryType = 'arraybuffer';
    ws.onerror = () => {
      if (!opened) done(`No broker is listening at ${url} (the WebSocket connection failed).`);
    };
    ws.onclose = () =>
      done(
        opened
          ? `The server at ${url} closed the connection instead of answering MQTT CONNECT: its WebSocket entry is up, but no broker answered behind it.`
          : `No broker is listening at ${url} (the WebSocket connection failed).`,
      );
    ws.onopen = () => {
      opened = true;
      // MQTT-6.0.0-4: an MQTT server selects the "mqtt" subprotocol.
      if (ws.protocol !== 'mqtt') {
        done(
          `The server at ${url} speaks WebSocket but did not accept the "mqtt" subprotocol: it is not an MQTT broker's WebSocket entry.`,
        );
        return;
      }
      ws.send(
        encodeMqtt({
          type: 'CONNECT',
          protocolName: 'MQTT',
          protocolLevel: 4,
          clientId,
          keepAlive: 10,
          cleanSession: true,
        }),
      );
    };
    ws.onmessage = (ev) => {
      const bytes =
        ev.data instanceof ArrayBuffer
          ? new Uint8Array(ev.data)
          : ev.data instanceof Uint8Array
            ? ev.data
            : new Uint8Array(0);
      const r = decodeMqtt(bytes);
      if (!r.ok || r.value.type !== 'CONNACK') {
        done(
          `The server at ${url} answered CONNECT with something other than a CONNACK: it is not an MQTT 3.1.1 broker.`,
        );
        return;
      }
      const code = r.value.returnCode;
      if (code !== 0) {
        done(
          `The broker at ${url} refused the connection: ${CONNACK_REASONS[code] ?? `return code ${code}`}.`,
        );
        return;
      }
      ws.send(encodeMqtt({ type: 'DISCONNECT' }));
      done(undefined);
    };
  });
}
