import type { ScenarioFile } from '../../bridge/playground-api';

/**
 * The page's default story: Alice is online, Bob is not. Alice's message gets ✓ (the server has
 * it) and waits in the ephemeral store; when the learner brings Bob online it is delivered (✓✓)
 * and the store is empty again.
 */
export const STORE_AND_FORWARD: ScenarioFile = {
  name: 'Store and forward',
  description:
    'Alice writes to Bob while Bob is offline: the message waits in temporary storage until Bob connects, then it is delivered and deleted.',
  seed: 7,
  durationSec: 300,
  phones: [
    { count: 1, protocol: 'mqtt', names: ['alice'] },
    { count: 1, protocol: 'mqtt', names: ['bob'], online: false },
  ],
  actions: [{ at: 2, do: 'send', from: 'alice', to: 'bob', text: 'Dinner at 8?' }],
};
