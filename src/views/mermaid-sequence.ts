import type { TraceEvent } from '../bridge/playground-api';
import { ACTOR, isPhoneActor, userOfActor } from '../bridge/vocabulary';
import type { NameBook } from './actors';
import { formatBytes } from './format';

/**
 * "Copy as Mermaid": one message's real lifecycle as a `sequenceDiagram`. Every label is built
 * from trace fields and escaped to a small safe alphabet (anything else becomes a `#code;` entity),
 * so nothing a user typed can break out of a label; message text is never included at all.
 */

const SAFE = /[A-Za-z0-9 .,_/()=+-]/;

/** Escapes text for a Mermaid label: safe characters stay, the rest become `#<code point>;`. */
export function mermaidText(s: string): string {
  let out = '';
  for (const ch of s.replace(/\s+/g, ' ')) out += SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return out.trim();
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;

interface Parties {
  readonly sender: number;
  readonly recipient: number;
}

/** Sender and recipient actors, from the `sent` event (or the delivery, if `sent` was not kept). */
export function partiesOf(events: readonly TraceEvent[]): Parties | undefined {
  const sent = events.find((e) => e.kind === 'sent') ?? events.find((e) => e.kind === 'delivered');
  if (!sent || !isPhoneActor(sent.from) || !isPhoneActor(sent.to)) return undefined;
  return { sender: sent.from, recipient: sent.to };
}

function aliasOf(actor: number, p: Parties): string | undefined {
  if (actor === p.sender) return 'S';
  if (actor === p.recipient) return 'R';
  if (actor === ACTOR.gateway) return 'GW';
  if (actor === ACTOR.sessions) return 'SM';
  if (actor === ACTOR.store) return 'ST';
  return undefined;
}

function label(e: TraceEvent): string {
  const parts = [seconds(e.atMs), e.kind];
  if (e.note) parts.push(e.note);
  if (e.bytes > 0) parts.push(formatBytes(e.bytes));
  return mermaidText(parts.join(' · ').replace(/·/g, '-'));
}

/** One line of the diagram for one event, or undefined for an event it does not show. */
function lineFor(e: TraceEvent, p: Parties): string | undefined {
  const from = aliasOf(e.from, p);
  const to = aliasOf(e.to, p);
  if (e.kind === 'sent' && from) return `    Note over ${from}: ${label(e)}`;
  if (!from || !to) return undefined;
  if (from === to) return `    Note over ${from}: ${label(e)}`;
  if (e.bytes > 0) return `    ${from}->>${to}: ${label(e)}`;
  // Zero-byte events happen inside one component: a lookup answer or a delete are messages
  // between servers; the rest (✓ at the gateway, delivered on a phone) are notes where they occur.
  if (e.kind === 'routed' || e.kind === 'deleted') return `    ${from}-->>${to}: ${label(e)}`;
  return `    Note over ${e.kind === 'read' ? from : to}: ${label(e)}`;
}

/** The `sequenceDiagram` text of message `msg`'s events; names label the two phones. */
export function toSequenceDiagram(
  msg: number,
  events: readonly TraceEvent[],
  names: NameBook,
): string {
  const p = partiesOf(events);
  const lines = ['sequenceDiagram', `    title Message ${msg}: its real lifecycle in the trace`];
  if (!p)
    return [
      ...lines,
      '    participant GW as Gateway',
      '    Note over GW: no events of this message are kept',
    ].join('\n');
  const who = (actor: number, role: string): string => {
    const user = userOfActor(actor);
    return mermaidText(`${names.get(user) ?? `u${user}`} (${role})`);
  };
  lines.push(
    `    participant S as ${who(p.sender, 'sender')}`,
    '    participant GW as Gateway',
    '    participant SM as Session Manager',
    '    participant ST as Temporary Storage',
    `    participant R as ${who(p.recipient, 'recipient')}`,
  );
  for (const e of events) {
    const line = lineFor(e, p);
    if (line) lines.push(line);
  }
  return lines.join('\n');
}
