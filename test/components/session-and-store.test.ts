// Proves the session manager and the store actor one message at a time, through the shared
// recording context: what each answers, to whom, when, and what it refuses to forget or keep.
import { describe, expect, it } from 'vitest';
import { DATACENTER_MS } from '../../src/engine/model/latency';
import { ACTOR } from '../../src/engine/model/actors';
import { SessionManager } from '../../src/engine/session/session-manager';
import { MemoryStore } from '../../src/engine/store/ephemeral-store';
import { StoreActor, type PersistOp } from '../../src/engine/store/store-actor';
import { LIMITS } from '../../src/engine/kernel/limits';
import { Recorder } from './recorder';

describe('session manager', () => {
  const setup = () => {
    const rec = new Recorder();
    const sm = new SessionManager();
    const ctx = rec.context(ACTOR.sessions);
    return { rec, sm, ctx };
  };

  it('answers a lookup to the gateway one datacenter hop later, with the connection it knows', () => {
    const { rec, sm, ctx } = setup();
    rec.now = 100;
    sm.handle({ type: 'sm.register', user: 2, conn: 7, proto: 'mqtt', epoch: 1 }, ctx);
    sm.handle({ type: 'sm.lookup', req: 9, user: 2, epoch: 1 }, ctx);
    expect(rec.sent).toEqual([
      {
        to: ACTOR.gateway,
        atMs: 100 + DATACENTER_MS,
        msg: { type: 'sm.result', req: 9, user: 2, online: true, conn: 7, epoch: 1 },
      },
    ]);
    expect(sm.presence(2)).toEqual({ online: true, conn: 7, proto: 'mqtt', lastSeenMs: 100 });
    expect(sm.onlineCount).toBe(1);
  });

  it('says offline for a user it never saw, and holds nothing for anyone', () => {
    const { rec, sm, ctx } = setup();
    sm.handle({ type: 'sm.lookup', req: 1, user: 5, epoch: 1 }, ctx);
    expect(rec.sentOf('sm.result')[0]!.msg).toMatchObject({ user: 5, online: false });
    expect(sm.presence(5)).toBeUndefined();
  });

  it('ignores a late goodbye from an older connection (the newer one stays signed in)', () => {
    const { rec, sm, ctx } = setup();
    sm.handle({ type: 'sm.register', user: 1, conn: 3, proto: 'websocket', epoch: 1 }, ctx);
    sm.handle({ type: 'sm.register', user: 1, conn: 4, proto: 'websocket', epoch: 1 }, ctx);
    rec.now = 50;
    sm.handle({ type: 'sm.unregister', user: 1, conn: 3, epoch: 1 }, ctx);
    expect(sm.presence(1)?.online).toBe(true);
    expect(sm.onlineCount).toBe(1);
    sm.handle({ type: 'sm.unregister', user: 1, conn: 4, epoch: 1 }, ctx);
    expect(sm.presence(1)).toMatchObject({ online: false, lastSeenMs: 50 });
    expect(sm.onlineCount).toBe(0);
  });

  it('signs everyone out when the gateway goes down', () => {
    const { sm, ctx } = setup();
    for (const user of [1, 2, 3])
      sm.handle({ type: 'sm.register', user, conn: user, proto: 'mqtt', epoch: 1 }, ctx);
    sm.handle({ type: 'sm.gateway-down', epoch: 1 }, ctx);
    expect(sm.onlineCount).toBe(0);
    expect([1, 2, 3].map((u) => sm.presence(u)?.online)).toEqual([false, false, false]);
  });
});

describe('store actor', () => {
  const setup = () => {
    const rec = new Recorder();
    const ops: PersistOp[] = [];
    const actor = new StoreActor(new MemoryStore(), (op) => ops.push(op));
    return { rec, ops, actor, ctx: rec.context(ACTOR.store) };
  };
  const put = (recipient: number, msg: number) =>
    ({
      type: 'store.put',
      recipient,
      key: `c${msg}`,
      msg,
      envelope: new Uint8Array([1, msg]),
    }) as const;

  it('keeps a put, persists it once, and ignores the same key put again', () => {
    const { actor, ops, ctx } = setup();
    actor.handle(put(2, 1), ctx);
    actor.handle(put(2, 1), ctx);
    expect(actor.storedTotal).toBe(1);
    expect(ops.map((o) => o.op)).toEqual(['put']);
    expect(actor.store.size).toBe(1);
  });

  it("hands a recipient's items back to the gateway in order, in batches, one hop later", () => {
    const { rec, actor, ctx } = setup();
    const n = LIMITS.storeFetchBatch + 2;
    for (let m = 1; m <= n; m++) actor.handle(put(2, m), ctx);
    actor.handle(put(3, 99), ctx); // someone else's
    rec.now = 1000;
    actor.handle({ type: 'store.fetch', user: 2, afterSeq: 0, epoch: 1, conn: 5 }, ctx);
    const [first] = rec.sentOf('store.batch');
    expect(first!.to).toBe(ACTOR.gateway);
    expect(first!.atMs).toBe(1000 + DATACENTER_MS);
    expect(first!.msg.more).toBe(true);
    expect(first!.msg.items.map((i) => i.msg)).toEqual(
      Array.from({ length: LIMITS.storeFetchBatch }, (_, i) => i + 1),
    );
    rec.take();
    const cursor = first!.msg.items.at(-1)!.seq;
    actor.handle({ type: 'store.fetch', user: 2, afterSeq: cursor, epoch: 1, conn: 5 }, ctx);
    const [rest] = rec.sentOf('store.batch');
    expect(rest!.msg.items.map((i) => i.msg)).toEqual([n - 1, n]);
    expect(rest!.msg.more).toBe(false);
  });

  it('deletes only what it holds, counting and persisting each delete once', () => {
    const { actor, ops, ctx } = setup();
    actor.handle(put(2, 1), ctx);
    actor.handle({ type: 'store.delete', user: 2, key: 'c1' }, ctx);
    actor.handle({ type: 'store.delete', user: 2, key: 'c1' }, ctx);
    actor.handle({ type: 'store.delete', user: 2, key: 'c404' }, ctx);
    expect(actor.deletedTotal).toBe(1);
    expect(ops).toEqual([
      expect.objectContaining({ op: 'put' }),
      { op: 'delete', user: 2, key: 'c1' },
    ]);
    expect(actor.store.size).toBe(0);
  });
});
