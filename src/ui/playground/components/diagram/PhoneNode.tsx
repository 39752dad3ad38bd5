import type { NodeProps, Node } from '@xyflow/react';
import type { ChatMessageView, PhoneView } from '../../../../bridge/playground-api';
import { useView } from '../../hooks/usePlayground';
import { phoneSignature, type Side } from '../../../../views/diagram-layout';
import { displayName } from '../../model/names';
import { PROTOCOL_SHORT } from '../../model/settings';
import { Handles } from './Handles';
import { Ticks } from './Ticks';

export type PhoneNodeType = Node<{ user: number; side: Side }, 'phone'>;

const SHOWN_MESSAGES = 3;

function lastMessages(p: PhoneView): ChatMessageView[] {
  const all: ChatMessageView[] = [];
  for (const c of p.chats ?? []) all.push(...c.messages);
  all.sort((a, b) => a.atMs - b.atMs || a.msg - b.msg);
  return all.slice(-SHOWN_MESSAGES);
}

/** One phone: its name, protocol and status, and its last messages with their receipts. */
export function PhoneNode({ data }: NodeProps<PhoneNodeType>): React.JSX.Element {
  const user = data.user;
  const view = useView(
    (s) => {
      const p = s.snapshot?.phones.find((x) => x.user === user);
      const pending = s.snapshot?.store.byUser.find(([u]) => u === user)?.[1] ?? 0;
      return p ? { p, pending, sig: phoneSignature(p, pending), names: s.names } : undefined;
    },
    (a, b) => a?.sig === b?.sig && a?.names === b?.names,
  );
  const selected = useView((s) => s.selectedPhone === user);
  if (!view) return <div className="pg-node pg-phone" />;
  const { p, pending, names } = view;
  const name = displayName(p.name);
  const away = p.status === 'offline' || p.status === 'no-network' || p.status === 'gave-up';
  return (
    <section
      className={`pg-node pg-phone pg-status-${p.status}${away ? ' pg-away' : ''}${selected ? ' pg-chosen' : ''}`}
      aria-label={`${name}'s phone`}
    >
      <Handles
        sides={[
          {
            id: data.side === 'left' ? 'right' : 'left',
            type: data.side === 'left' ? 'source' : 'target',
          },
        ]}
      />
      <header className="pg-node-head">
        <span className={`pg-dot pg-status-${p.status}`} aria-hidden="true" />
        <strong>{name}</strong>
        <span className={`pg-badge pg-proto-${p.proto}`}>{PROTOCOL_SHORT[p.proto]}</span>
      </header>
      <p className="pg-node-sub">
        <span data-testid="phone-status">{p.status}</span>
        {p.link !== 'good' ? ` · ${p.link} link` : ''}
        {p.outbox ? ` · ${p.outbox} to send` : ''}
        {pending ? ` · ${pending} waiting in storage` : ''}
      </p>
      <ul className="pg-chat" aria-label={`${name}'s last messages`}>
        {lastMessages(p).map((m) => {
          const mine = m.from === p.user;
          const peer = mine ? m.to : m.from;
          return (
            <li
              key={`${m.msg}-${mine ? 's' : 'r'}`}
              className={mine ? 'pg-out' : 'pg-in'}
              data-msg={m.msg}
            >
              <span className="pg-peer">
                {mine ? '→' : '←'} {displayName(names.get(peer) ?? `u${peer}`)}
              </span>
              <span className="pg-text">{m.error ? `⚠ ${m.error}` : m.text}</span>
              {mine ? (
                <Ticks m={m} />
              ) : m.read ? (
                <span className="pg-tick pg-muted" aria-label="opened">
                  opened
                </span>
              ) : (
                <span className="pg-unread" aria-label="unread">
                  new
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
