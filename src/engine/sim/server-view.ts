import { decodeEnvelope } from '../chat/envelope';
import type { TraceEvent, TraceSink } from '../kernel/trace';
import { toHex } from '../model/bytes';
import type { PersistOp } from '../store/store-actor';
import { ACTOR } from '../model/actors';
import { envelopesIn } from './wire-scan';

/**
 * "What the server saw": every chat body that reached a server-side component — the bytes
 * phones sent up to the gateway, and the records the store was asked to keep. The session
 * manager is told user ids only, never a body. Needs a run that records wire bytes.
 */
export class ServerViewRecorder implements TraceSink {
  private readonly seen = new Set<string>();
  readonly bodies: string[] = [];

  private add(body: Uint8Array): void {
    const hex = toHex(body);
    if (this.seen.has(hex)) return;
    this.seen.add(hex);
    this.bodies.push(hex);
  }

  emit(ev: TraceEvent): void {
    if (ev.to !== ACTOR.gateway || ev.wire === undefined || ev.proto === undefined) return;
    for (const chunk of ev.wire)
      for (const env of envelopesIn(ev.proto, chunk)) if (env.kind === 'chat') this.add(env.body);
  }

  /** Hook for the store's durable writes: what it keeps is what the server holds at rest. */
  readonly persist = (op: PersistOp): void => {
    if (op.op !== 'put') return;
    const e = decodeEnvelope(op.item.envelope);
    if (e.ok && e.value.kind === 'chat') this.add(e.value.body);
  };
}
