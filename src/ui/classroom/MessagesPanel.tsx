/**
 * A student's messages: what they sent (✓ once the broker has it) and what others sent them, as
 * text only, and the form to send one. A message to someone offline waits in the broker.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ClassroomMember, ClassroomMessage } from '../../bridge/classroom-api';

const MESSAGE_MAX_CHARS = 500;

export function MessagesPanel({
  me,
  members,
  messages,
  to,
  setTo,
  send,
}: {
  me: string;
  members: readonly ClassroomMember[];
  messages: readonly ClassroomMessage[];
  to: string;
  setTo: (name: string) => void;
  send: (to: string, text: string) => void;
}): React.JSX.Element {
  const [text, setText] = useState('');
  const others = members.filter((m) => m.name !== me);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (to) textRef.current?.focus();
  }, [to]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!to || text.trim() === '') return;
    send(to, text);
    setText('');
  };
  const recipient = others.find((m) => m.name === to);
  return (
    <section className="cr-messages" aria-labelledby="cr-messages-title">
      <h2 id="cr-messages-title">Messages</h2>
      <ol className="cr-log" aria-label="Conversation" aria-live="polite">
        {messages.length === 0 && <li className="cr-help">No messages yet.</li>}
        {messages.map((m) => (
          <li key={m.id} className={m.state === 'received' ? 'cr-in' : 'cr-out'}>
            <span className="cr-who">
              {m.state === 'received' ? `${m.from} → you` : `you → ${m.to}`}
              {m.state === 'sent' && <span aria-label="sent"> ✓</span>}
              {m.state === 'sending' && <span className="cr-help"> sending…</span>}
            </span>
            <span className="cr-text">{m.text}</span>
          </li>
        ))}
      </ol>
      <form className="cr-compose" onSubmit={submit}>
        <label htmlFor="cr-to">To</label>
        <select id="cr-to" value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">Choose someone…</option>
          {others.map((m) => (
            <option key={m.name} value={m.name}>
              {m.name}
              {m.online ? '' : ' (offline)'}
            </option>
          ))}
        </select>
        <label htmlFor="cr-text">Message</label>
        <textarea
          id="cr-text"
          ref={textRef}
          rows={2}
          maxLength={MESSAGE_MAX_CHARS}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {recipient && !recipient.online && (
          <p className="cr-help">
            {recipient.name} is offline: the broker keeps the message until they are back.
          </p>
        )}
        <button type="submit" className="cr-btn cr-primary" disabled={!to || text.trim() === ''}>
          Send
        </button>
      </form>
    </section>
  );
}
