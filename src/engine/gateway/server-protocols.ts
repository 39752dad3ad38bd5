import { assertNever } from '../model/brand';
import type { ProtocolName } from '../model/protocols';
import { mqttServer } from '../protocols/mqtt/server';
import { pollingServer } from '../protocols/polling/server';
import type { ServerProtocol } from '../protocols/server-transport';
import { webSocketServer } from '../protocols/ws/server';

/** The gateway's server side for a protocol (the listener a real server would bind per port). */
export function serverProtocol(proto: ProtocolName): ServerProtocol {
  switch (proto) {
    case 'short-poll':
    case 'long-poll':
      return pollingServer;
    case 'websocket':
      return webSocketServer;
    case 'mqtt':
      return mqttServer;
    default:
      return assertNever(proto, 'protocol');
  }
}
