import { assertNever } from '../model/brand';
import type { ProtocolName } from '../model/protocols';
import { MqttClient } from './mqtt/client';
import { PollingClient } from './polling/client';
import type { ClientPort, ClientTransport } from './transport';
import { WebSocketClient } from './ws/client';

/** The client transport for a protocol. */
export function createClientTransport(proto: ProtocolName, port: ClientPort): ClientTransport {
  switch (proto) {
    case 'short-poll':
    case 'long-poll':
      return new PollingClient(port, proto);
    case 'websocket':
      return new WebSocketClient(port);
    case 'mqtt':
      return new MqttClient(port);
    default:
      return assertNever(proto, 'protocol');
  }
}
