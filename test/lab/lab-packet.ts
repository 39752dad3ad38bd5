import type { LabPacketView } from '../../src/bridge/lab-api';

/** A captured packet for tests: Alice's PUBLISH going up, unless told otherwise. */
export const labPacket = (seq: number, over: Partial<LabPacketView> = {}): LabPacketView => ({
  seq,
  atMs: seq,
  client: 'alice',
  dir: 'up',
  type: 'PUBLISH',
  hex: '',
  byteLength: 10,
  fields: [],
  ...over,
});
