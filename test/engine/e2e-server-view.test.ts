// Proves end-to-end encryption: known plaintexts sent through every protocol, to recipients
// online and offline, never appear in anything a server-side component held (hop bytes to and
// from the gateway, the store's writes and contents), yet every recipient reads them all; a
// tampered stored ciphertext is rejected with a clear error and nothing else breaks.
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/engine/kernel/trace';
import { utf8Encode } from '../../src/engine/model/bytes';
import { ACTOR } from '../../src/engine/model/actors';
import type { StoredItem } from '../../src/engine/model/messages';
import { ServerViewRecorder } from '../../src/engine/sim/server-view';
import { MemoryStore } from '../../src/engine/store/ephemeral-store';
import type { PersistOp } from '../../src/engine/store/store-actor';
import { canaryScenario, containsBytes as contains } from './canaries';
import { runScenario } from './run-scenario';

/** Every byte string a server-side component held during the run. */
function serverHeld(
  events: readonly TraceEvent[],
  writes: readonly PersistOp[],
  store: MemoryStore,
): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const e of events)
    if ((e.to === ACTOR.gateway || e.from === ACTOR.gateway) && e.wire) out.push(...e.wire);
  for (const w of writes) if (w.op === 'put') out.push(w.item.envelope);
  for (const it of store.all()) out.push(it.envelope);
  return out;
}

function run(encryption: boolean) {
  const { file, canaries } = canaryScenario(encryption);
  const events: TraceEvent[] = [];
  const writes: PersistOp[] = [];
  const store = new MemoryStore();
  const { sim, report } = runScenario(file, {
    recordWire: true,
    store,
    sinks: [{ emit: (e) => events.push(e) }],
    persist: (op) => writes.push(op),
  });
  return { sim, report, canaries, held: serverHeld(events, writes, store), writes, events };
}

describe('end-to-end encryption: what the server saw', () => {
  it('the server held no plaintext, and every recipient reads every message', () => {
    const { sim, report, canaries, held, writes } = run(true);
    expect(report.messages.delivered).toBe(canaries.length);
    expect(writes.some((w) => w.op === 'put')).toBe(true); // the offline half really went through the store
    expect(held.length).toBeGreaterThan(100);
    for (const text of canaries) {
      const needle = utf8Encode(text.slice(0, 24));
      expect(
        held.filter((b) => contains(b, needle)),
        text,
      ).toHaveLength(0);
    }
    const readByBobs = sim.fleet.phones.flatMap((p) =>
      [...(p.chats?.received.values() ?? [])].map((m) => m.text),
    );
    expect(readByBobs.sort()).toEqual([...canaries].sort());
  });

  it('with encryption off the same scan finds every plaintext (the scan can see)', () => {
    const { canaries, held } = run(false);
    for (const text of canaries)
      expect(
        held.some((b) => contains(b, utf8Encode(text.slice(0, 24)))),
        text,
      ).toBe(true);
  });

  it('the server view recorder lists ciphertext bodies only', () => {
    const { file, canaries } = canaryScenario(true);
    const view = new ServerViewRecorder();
    runScenario(file, { recordWire: true, sinks: [view], persist: view.persist });
    expect(view.bodies.length).toBeGreaterThanOrEqual(canaries.length);
    const hex = view.bodies.join('\n');
    for (const text of canaries)
      expect(hex).not.toContain(Buffer.from(text.slice(0, 16)).toString('hex'));
  });

  it('a tampered stored ciphertext is rejected with a clear error; the rest is read', () => {
    const { file, canaries } = canaryScenario(true);
    class TamperingStore extends MemoryStore {
      override put(item: Omit<StoredItem, 'seq'>): StoredItem | undefined {
        if (item.key === 'c1') {
          const envelope = item.envelope.slice();
          envelope[envelope.length - 20]! ^= 0x01; // one bit of ciphertext
          return super.put({ ...item, envelope });
        }
        return super.put(item);
      }
    }
    const events: TraceEvent[] = [];
    const { sim, report } = runScenario(file, {
      store: new TamperingStore(),
      sinks: [{ emit: (e) => events.push(e) }],
    });
    const bob = sim.fleet.phone(2)!;
    const tampered = bob.chats!.received.get(1)!;
    expect(tampered.error).toMatch(/authentication tag mismatch for message 1 from u1/);
    expect(tampered.text).toBe('');
    expect(
      events.some(
        (e) => e.kind === 'rejected' && /message 1: authentication tag mismatch/.test(e.note ?? ''),
      ),
    ).toBe(true);
    const readable = sim.fleet.phones.flatMap((p) =>
      [...(p.chats?.received.values() ?? [])].filter((m) => !m.error).map((m) => m.text),
    );
    expect(readable).toHaveLength(canaries.length - 1);
    expect(report.messages.lost).toBe(0);
    expect(sim.store.store.size).toBe(0);
  });
});
