import type { Actor, ActorContext } from '../kernel/kernel';
import { LIMITS } from '../kernel/limits';
import type { Rng } from '../kernel/rng';
import type { LinkQuality } from '../model/link-quality';
import type { ProtocolName } from '../model/protocols';
import { ACTOR, phoneActor } from '../model/actors';
import type { InputAction, SimMessage } from '../model/messages';
import { Phone } from './phone';
import type { PhoneEnvironment } from './phone-environment';

type Ctx = ActorContext<SimMessage>;

/** Background chatter between random phones, from the scenario. */
export interface TrafficPlan {
  readonly perMinute: number;
  readonly bodyBytes: number;
  readonly fromMs: number;
  readonly untilMs: number;
  /** Chatter inside each initial phone group, every group on the same schedule (a fair comparison). */
  readonly perGroup: boolean;
  /** Sizes of the initial phone groups, in spawn order. */
  readonly groups: readonly number[];
}

/** One stream of chatter among users lo..hi. */
interface TrafficStream {
  readonly rng: Rng;
  readonly lo: number;
  readonly hi: number;
}

/**
 * All the virtual phones (one host, so the page stays smooth with thousands): it spawns them,
 * numbers messages, turns the learner's actions into inputs for the right phone, and runs the
 * scenario's background chatter.
 */
export class Fleet implements Actor<SimMessage> {
  readonly phones: Phone[] = [];
  readonly names = new Map<number, string>();
  private nextMsg = 1;
  private readonly streams: TrafficStream[] = [];

  constructor(
    private readonly rng: Rng,
    readonly env: PhoneEnvironment,
    private readonly register: (actor: number, phone: Phone) => void,
    private readonly traffic?: TrafficPlan,
  ) {}

  phone(user: number): Phone | undefined {
    return this.phones[user - 1];
  }

  /** Messages created so far. */
  get messagesCreated(): number {
    return this.nextMsg - 1;
  }

  boot(ctx: Ctx): void {
    const t = this.traffic;
    if (!t || t.perMinute <= 0) return;
    const total = t.groups.reduce((a, b) => a + b, 0);
    if (t.perGroup) {
      let lo = 1;
      // Every group's stream is forked from the same label: the same schedule, group by group.
      for (const size of t.groups) {
        this.streams.push({ rng: this.rng.fork('traffic'), lo, hi: lo + size - 1 });
        lo += size;
      }
    } else this.streams.push({ rng: this.rng.fork('traffic'), lo: 1, hi: total });
    this.streams.forEach((_, i) => this.scheduleTraffic(ctx, i, Math.max(ctx.now, t.fromMs)));
  }

  handle(m: SimMessage, ctx: Ctx): void {
    if (m.type === 'input') this.onInput(m.action, ctx);
    else if (m.type === 'timer' && m.name === 'traffic') this.chatter(ctx, m.gen);
    else if (m.type === 'timer' && m.name === 'boot') this.boot(ctx);
  }

  private onInput(a: InputAction, ctx: Ctx): void {
    switch (a.do) {
      case 'spawn':
        this.spawn(ctx, a.count, a.protocol, a.link ?? 'good', a.online ?? true, a.names);
        return;
      case 'spike':
        return this.spike(ctx, a.connections, a.withinMs, a.protocol, a.messagesEach);
      case 'send': {
        if (!this.exists(ctx, a.from, 'send from') || !this.exists(ctx, a.to, 'send to')) return;
        if (a.from === a.to) return this.reject(ctx, `u${a.from} cannot send to itself`);
        const msg = this.nextMsg++;
        ctx.sendAt(phoneActor(a.from), { type: 'input', action: a, msg }, ctx.now);
        return;
      }
      case 'offline':
      case 'online':
      case 'link':
        if (this.exists(ctx, a.user, a.do))
          ctx.sendAt(phoneActor(a.user), { type: 'input', action: a }, ctx.now);
        return;
      case 'open':
        if (this.exists(ctx, a.user, 'open') && this.exists(ctx, a.chat, 'open chat with'))
          ctx.sendAt(phoneActor(a.user), { type: 'input', action: a }, ctx.now);
        return;
      case 'protocol':
        if (a.user === 'all')
          for (const p of this.phones) ctx.sendAt(p.actor, { type: 'input', action: a }, ctx.now);
        else if (this.exists(ctx, a.user, 'protocol'))
          ctx.sendAt(phoneActor(a.user), { type: 'input', action: a }, ctx.now);
        return;
      case 'retry':
        this.env.retry = a.policy;
        return;
      default:
        return;
    }
  }

  private exists(ctx: Ctx, user: number, what: string): boolean {
    if (this.phone(user)) return true;
    this.reject(ctx, `${what} u${user}: there is no such phone (${this.phones.length} spawned)`);
    return false;
  }

  private reject(ctx: Ctx, note: string): void {
    ctx.emit(ctx.now, 'rejected', ACTOR.input, ACTOR.fleet, 0, 0, 0, ctx.now, undefined, note);
  }

  private spawn(
    ctx: Ctx,
    count: number,
    proto: ProtocolName,
    link: LinkQuality,
    online: boolean,
    names?: readonly string[],
  ): Phone[] {
    if (this.phones.length + count > LIMITS.maxPhones) {
      this.reject(ctx, `spawning ${count} phones would pass the limit of ${LIMITS.maxPhones}`);
      return [];
    }
    const made: Phone[] = [];
    for (let i = 0; i < count; i++) {
      const user = this.phones.length + 1;
      const phone = new Phone(
        user,
        proto,
        link,
        online,
        this.rng.fork(`u${user}`),
        this.env,
        ctx.now,
      );
      const name = names?.[i];
      if (name !== undefined) this.names.set(user, name);
      this.phones.push(phone);
      this.register(phone.actor, phone);
      phone.boot(ctx);
      made.push(phone);
    }
    return made;
  }

  /** New Year's Eve: `n` phones try to connect within `withinMs`, each at a random moment. */
  private spike(
    ctx: Ctx,
    n: number,
    withinMs: number,
    proto: ProtocolName,
    messagesEach: number,
  ): void {
    const pool = this.phones.length;
    const made = this.spawn(ctx, n, proto, 'good', false);
    for (const p of made) {
      const at = ctx.now + (withinMs > 0 ? this.rng.int(0, withinMs) : 0);
      ctx.sendAt(p.actor, { type: 'input', action: { do: 'online', user: p.user } }, at);
      for (let k = 0; k < messagesEach && pool > 0; k++) {
        const to = this.rng.int(1, pool);
        ctx.sendAt(
          p.actor,
          {
            type: 'input',
            action: { do: 'send', from: p.user, to, text: 'Happy New Year!' },
            msg: this.nextMsg++,
          },
          at,
        );
      }
    }
  }

  private scheduleTraffic(ctx: Ctx, stream: number, fromMs: number): void {
    const t = this.traffic!;
    const meanGapMs = 60_000 / t.perMinute;
    const rng = this.streams[stream]!.rng;
    const at = fromMs + Math.max(1, Math.round(-Math.log(1 - rng.next()) * meanGapMs));
    if (at < t.untilMs)
      ctx.sendAt(ACTOR.fleet, { type: 'timer', name: 'traffic', conn: 0, gen: stream }, at);
  }

  private chatter(ctx: Ctx, stream: number): void {
    const s = this.streams[stream];
    if (!s) return;
    if (s.hi - s.lo >= 1 && this.phone(s.hi)) {
      const from = s.rng.int(s.lo, s.hi);
      let to = s.rng.int(s.lo, s.hi - 1);
      if (to >= from) to++;
      const msg = this.nextMsg++;
      const text = `#${msg} from u${from} `.padEnd(this.traffic!.bodyBytes, '.');
      ctx.sendAt(
        phoneActor(from),
        { type: 'input', action: { do: 'send', from, to, text }, msg },
        ctx.now,
      );
    }
    this.scheduleTraffic(ctx, stream, ctx.now);
  }
}
