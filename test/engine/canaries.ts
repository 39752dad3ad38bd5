/** Known plaintexts sent through every protocol, to recipients offline and online, for E2E scans. */
import type { ScenarioFile } from '../../src/engine/scenario/scenario';

const PROTOCOLS = ['short-poll', 'long-poll', 'websocket', 'mqtt'] as const;

/** Alice and Bob per protocol: Bob offline for the first messages, online for the rest. */
export function canaryScenario(encryption: boolean): { file: ScenarioFile; canaries: string[] } {
  const phones = PROTOCOLS.map((protocol, i) => ({
    count: 2,
    protocol,
    names: [`alice${i}`, `bob${i}`],
  }));
  const actions: ScenarioFile['actions'] = [];
  const canaries: string[] = [];
  PROTOCOLS.forEach((proto, i) => {
    actions.push({ at: 1, do: 'offline', user: `bob${i}` });
    for (let k = 0; k < 3; k++) {
      const text = `CANARY-${proto}-offline-${k} meet me at the usual café`;
      canaries.push(text);
      actions.push({ at: 2 + k, do: 'send', from: `alice${i}`, to: `bob${i}`, text });
    }
    actions.push({ at: 10, do: 'online', user: `bob${i}` });
    for (let k = 0; k < 3; k++) {
      const text = `CANARY-${proto}-online-${k} the password is swordfish`;
      canaries.push(text);
      actions.push({ at: 30 + k, do: 'send', from: `alice${i}`, to: `bob${i}`, text });
    }
  });
  return {
    file: { name: 'canaries', seed: 99, durationSec: 90, encryption, phones, actions },
    canaries,
  };
}

/** Whether `needle` occurs in `hay`. */
export function containsBytes(hay: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
