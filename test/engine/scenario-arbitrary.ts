/** fast-check generators of random but valid scenarios: toggles, sends, spikes, drops, crashes. */
import fc from 'fast-check';
import type { ScenarioFile } from '../../src/engine/scenario/scenario';

const PROTOCOLS = ['short-poll', 'long-poll', 'websocket', 'mqtt'] as const;

export const scenarioArb = (
  o: { maxPhones?: number; maxSec?: number } = {},
): fc.Arbitrary<ScenarioFile> =>
  fc
    .record({
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      durationSec: fc.integer({ min: 20, max: o.maxSec ?? 120 }),
      encryption: fc.boolean(),
      backpressure: fc.boolean(),
      maxConnections: fc.integer({ min: 4, max: 80 }),
      workPerSec: fc.integer({ min: 40, max: 2000 }),
      retry: fc.oneof(
        fc.constant({ kind: 'jitter' as const, minMs: 1000, maxMs: 5000 }),
        fc.constant({ kind: 'fixed' as const, delayMs: 2000 }),
        fc.constant({ kind: 'exponential' as const, baseMs: 500, capMs: 8000 }),
        fc.constant({ kind: 'immediate' as const, maxAttempts: 50 }),
        fc.constant({
          kind: 'exponential' as const,
          baseMs: 500,
          capMs: 8000,
          jitter: 'none' as const,
        }),
        fc.constant({
          kind: 'exponential' as const,
          baseMs: 500,
          capMs: 8000,
          jitter: 'equal' as const,
        }),
        fc.constant({ kind: 'decorrelated' as const, baseMs: 500, capMs: 8000 }),
      ),
      qos: fc.constantFrom(0, 1),
      chatterPerMinute: fc.constantFrom(0, 0, 30, 240),
      groups: fc.array(
        fc.record({
          count: fc.integer({ min: 1, max: 3 }),
          protocol: fc.constantFrom(...PROTOCOLS),
          link: fc.constantFrom('good', 'good', 'flaky'),
          online: fc.boolean(),
        }),
        { minLength: 1, maxLength: Math.max(1, Math.floor((o.maxPhones ?? 8) / 2)) },
      ),
      actions: fc.array(
        fc.record({
          atFrac: fc.double({ min: 0, max: 1, noNaN: true }),
          kind: fc.constantFrom(
            'send',
            'send',
            'send',
            'send',
            'offline',
            'online',
            'link',
            'protocol',
            'open',
            'spike',
            'crash',
          ),
          a: fc.nat(),
          b: fc.nat(),
          c: fc.nat(),
        }),
        { maxLength: 40 },
      ),
    })
    .filter((r) => r.groups.reduce((n, g) => n + g.count, 0) >= 2)
    .map((r) => {
      const phones = r.groups.reduce((n, g) => n + g.count, 0);
      const u = (n: number): number => (n % phones) + 1;
      const actions = r.actions.map((x) => {
        const at = Math.round(x.atFrac * r.durationSec * 10) / 10;
        const from = u(x.a);
        let to = u(x.b);
        if (to === from) to = (to % phones) + 1;
        switch (x.kind) {
          case 'send':
            return { at, do: 'send', from, to, text: `m${x.c % 1000} from u${from}` };
          case 'offline':
            return x.c % 2
              ? { at, do: 'offline', user: from, how: 'lose-signal' }
              : { at, do: 'offline', user: from };
          case 'online':
            return { at, do: 'online', user: from };
          case 'link':
            return {
              at,
              do: 'link',
              user: from,
              quality: (['good', 'flaky', 'offline'] as const)[x.c % 3],
            };
          case 'protocol':
            return {
              at,
              do: 'protocol',
              user: x.c % 4 === 0 ? 'all' : from,
              protocol: PROTOCOLS[x.c % 4],
            };
          case 'open':
            return { at, do: 'open', user: from, chat: to };
          case 'spike':
            return {
              at,
              do: 'spike',
              connections: 5 + (x.c % 40),
              withinSec: x.a % 3,
              protocol: PROTOCOLS[x.b % 4],
              messagesEach: x.c % 2,
            };
          default:
            return { at, do: 'crash' };
        }
      });
      return {
        name: 'random',
        seed: r.seed,
        durationSec: r.durationSec,
        encryption: r.encryption,
        gateway: {
          maxConnections: r.maxConnections,
          workPerSec: r.workPerSec,
          backpressure: r.backpressure,
          restartSec: 3,
        },
        retry: r.retry,
        protocolSettings: { mqttQos: r.qos as 0 | 1 },
        phones: r.groups,
        ...(r.chatterPerMinute > 0
          ? { traffic: { messagesPerMinute: r.chatterPerMinute, bodyBytes: 40 } }
          : {}),
        actions,
      } as ScenarioFile;
    });
