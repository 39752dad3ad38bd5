/**
 * The lab worker's wiring: MQTT.js (its browser build), the browser's WebSocket for the probe, and
 * one {@link LabRoom} driven by the page's messages (src/bridge/lab-api.ts), answered with snapshots.
 */
import mqtt from 'mqtt';
import type { LabFromWorker, LabToWorker } from '../../bridge/lab-api';
import { LAB_LIMITS } from '../../bridge/lab-api';
import { checkLabUrl } from '../../bridge/lab-url';
import { probeBroker, type ProbeSocket } from './broker-probe';
import { LabRoom } from './lab-room';

interface Scope {
  postMessage(m: LabFromWorker): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<LabToWorker>) => void): void;
  close(): void;
}

export function startLabWorker(scope: Scope): void {
  let room: LabRoom | undefined;
  scope.addEventListener('message', (e) => {
    const m = e.data;
    if (m.kind === 'start' && !room) {
      // Checked again here: the worker connects only to an address the page's check accepts.
      const checked = checkLabUrl(m.start.url);
      room = new LabRoom(
        {
          mqtt: {
            connect: (url, opts) => mqtt.connect(url, opts),
            newStore: () => new mqtt.Store({ clean: false }),
          },
          probe: (url, clientId) =>
            checked.ok
              ? probeBroker(
                  url,
                  (u, p) => new WebSocket(u, p) as unknown as ProbeSocket,
                  clientId,
                  LAB_LIMITS.connectTimeoutMs,
                )
              : Promise.resolve(checked.error),
          nowMs: () => performance.now(),
          emit: (snapshot) => scope.postMessage({ kind: 'snapshot', snapshot }),
        },
        { ...m.start, url: checked.ok ? checked.url : m.start.url },
      );
      void room.open();
    } else if (m.kind === 'command') room?.command(m.command);
    else if (m.kind === 'stop') {
      room?.stop();
      // Let the DISCONNECTs go out before the worker ends.
      setTimeout(() => scope.close(), 200);
    }
  });
}
