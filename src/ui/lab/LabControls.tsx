import { useId, useState } from 'react';
import { LAB_LIMITS, type LabHost, type LabPhoneView } from '../../bridge/lab-api';
import { LAB_START_COMMAND } from '../../bridge/lab-url';
import { Section, SelectField } from '../playground/components/controls/Field';
import { displayName } from '../playground/model/names';
import { useLabSnapshot } from './useLabMode';

const STATE_TEXT: Record<LabPhoneView['state'], string> = {
  connecting: 'connecting',
  online: 'online',
  offline: 'offline (said goodbye)',
  'no-signal': 'offline (lost signal)',
  reconnecting: 'reconnecting',
};

export const stateText = (p: LabPhoneView): string => STATE_TEXT[p.state];

function SendForm({ host, phones }: { host: LabHost; phones: readonly LabPhoneView[] }) {
  const [from, setFrom] = useState(phones[0]?.name ?? '');
  const [to, setTo] = useState(phones[1]?.name ?? '');
  const [text, setText] = useState('Hi!');
  const textId = useId();
  const options = phones.map((p) => ({ value: p.name, label: displayName(p.name) }));
  return (
    <Section title="Send a message">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim() === '' || from === to) return;
          host.command({ do: 'send', from, to, text });
        }}
      >
        <SelectField label="From" value={from} options={options} onChange={setFrom} />
        <SelectField label="To" value={to} options={options} onChange={setTo} />
        <div className="pg-field">
          <label htmlFor={textId}>Message text</label>
          <input
            id={textId}
            type="text"
            value={text}
            maxLength={LAB_LIMITS.maxTextChars}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit" className="pg-btn pg-primary" disabled={from === to}>
          Send
        </button>
      </form>
    </Section>
  );
}

function PhoneRow({ host, phone }: { host: LabHost; phone: LabPhoneView }) {
  const name = displayName(phone.name);
  const away = phone.state === 'offline' || phone.state === 'no-signal';
  return (
    <li className="pg-lab-phone-row">
      <span>
        <span className={`pg-dot pg-lab-${phone.state}`} aria-hidden="true" /> {name}:{' '}
        {stateText(phone)}
      </span>
      {away ? (
        <button
          type="button"
          className="pg-btn"
          aria-label={`Bring ${name} back online`}
          onClick={() => host.command({ do: 'online', user: phone.name })}
        >
          Come back
        </button>
      ) : (
        <span className="pg-lab-actions">
          <button
            type="button"
            className="pg-btn"
            aria-label={`${name}: go offline (DISCONNECT)`}
            onClick={() => host.command({ do: 'offline', user: phone.name, how: 'close' })}
          >
            Go offline
          </button>
          <button
            type="button"
            className="pg-btn"
            aria-label={`${name}: lose signal (no DISCONNECT)`}
            onClick={() => host.command({ do: 'offline', user: phone.name, how: 'lose-signal' })}
          >
            Lose signal
          </button>
        </span>
      )}
    </li>
  );
}

function BrokerControls({ host }: { host: LabHost }) {
  const [asked, setAsked] = useState(false);
  const [count, setCount] = useState(100);
  const countId = useId();
  const spike = useLabSnapshot(host).spike;
  return (
    <Section title="Broker">
      <button type="button" className="pg-btn" onClick={() => setAsked(true)}>
        Crash (restart the broker)
      </button>
      {asked && (
        <p className="pg-note" role="status">
          The page cannot restart the broker: type <kbd>r</kbd> and Enter in the terminal running{' '}
          <code>{LAB_START_COMMAND}</code>. The phones reconnect by themselves; their sessions and
          queued messages survive (persistence is on).
        </p>
      )}
      <form
        className="pg-lab-spike"
        onSubmit={(e) => {
          e.preventDefault();
          host.command({ do: 'spike', connections: count });
        }}
      >
        <div className="pg-field">
          <label htmlFor={countId}>
            Spike: real connections (1–{LAB_LIMITS.maxSpikeConnections})
          </label>
          <input
            id={countId}
            type="number"
            min={1}
            max={LAB_LIMITS.maxSpikeConnections}
            value={count}
            onChange={(e) =>
              setCount(
                Math.max(
                  1,
                  Math.min(LAB_LIMITS.maxSpikeConnections, Math.floor(Number(e.target.value) || 1)),
                ),
              )
            }
          />
        </div>
        <button type="submit" className="pg-btn">
          Spike
        </button>
      </form>
      {spike && (
        <p className="pg-note" role="status">
          {spike.connected} of {spike.asked} connected
          {spike.connected > 0
            ? ` in ${(spike.elapsedMs / 1000).toFixed(2)} s (${Math.round((spike.connected * 1000) / Math.max(1, spike.elapsedMs))} per second)`
            : ''}
          {spike.failed > 0 ? `; ${spike.failed} failed` : ''}
          {spike.done ? '.' : '…'} The rate is the browser's as much as the broker's: a client may
          have only one WebSocket to a host opening at a time (RFC 6455 §4.1).
          {spike.failed > 0 && spike.done && (
            <>
              {' '}
              Browsers cap WebSocket connections (Chromium at 255 in all, Firefox at 200), so the
              rest fail in the browser before reaching the broker; <code>
                npm run bench -- lab
              </code>{' '}
              opens 500 from Node.
            </>
          )}
        </p>
      )}
    </Section>
  );
}

/** Lab mode's controls: the same as the simulation's, acting on real clients. */
export function LabControls({ host }: { host: LabHost }): React.JSX.Element {
  const s = useLabSnapshot(host);
  return (
    <div className="pg-controls-inner">
      <p className="pg-note">
        Connected to <code>{s.url}</code>. Each phone is an MQTT.js client (MQTT 3.1.1, clean
        session off, QoS 1) in a worker.
      </p>
      <SendForm host={host} phones={s.phones} />
      <Section
        title="Phones"
        note="Go offline sends DISCONNECT, and the broker queues what comes for the phone. Lose signal drops the socket with no DISCONNECT: here the broker sees the socket close at once (a page cannot leave a connection half-open), so it keeps the session just the same; a phone in a tunnel would be found out only after 1.5 × its keep-alive."
      >
        <ul className="pg-lab-phone-list">
          {s.phones.map((p) => (
            <PhoneRow key={p.name} host={host} phone={p} />
          ))}
        </ul>
      </Section>
      <BrokerControls host={host} />
    </div>
  );
}
