/** The lab's story as a simulation scenario: the same steps the real-broker test takes. */
import type { ScenarioFile } from '../../src/engine/scenario/scenario';

export const STORY_KEEPALIVE_SEC = 60;

export const STORY_SCENARIO: ScenarioFile = {
  name: 'Lab story: Bob offline, three messages, a restart',
  seed: 17,
  durationSec: 30,
  protocolSettings: { mqttQos: 1, mqttKeepAliveSec: STORY_KEEPALIVE_SEC },
  gateway: { restartSec: 2 },
  phones: [
    { count: 1, protocol: 'mqtt', names: ['alice'] },
    { count: 1, protocol: 'mqtt', names: ['bob'] },
  ],
  actions: [
    { at: 2, do: 'offline', user: 'bob' },
    { at: 3, do: 'send', from: 'alice', to: 'bob', text: 'one' },
    { at: 4, do: 'send', from: 'alice', to: 'bob', text: 'two' },
    { at: 5, do: 'crash' },
    { at: 6, do: 'send', from: 'alice', to: 'bob', text: 'three' },
    { at: 15, do: 'online', user: 'bob' },
  ],
};
