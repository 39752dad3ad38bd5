import { useId, useState } from 'react';
import type { LinkQuality, PhoneView, ProtocolName } from '../../../../bridge/playground-api';
import { usePlaygroundStore, useView } from '../../hooks/usePlayground';
import { phoneSignature } from '../../../../views/diagram-layout';
import { displayName } from '../../model/names';
import { PROTOCOL_OPTIONS } from '../../model/settings';
import { Section, SelectField } from './Field';
import { PhoneSearch } from './PhoneSearch';
import { StayButton } from '../StayButton';

const LINKS: readonly { value: LinkQuality; label: string }[] = [
  { value: 'good', label: 'Good' },
  { value: 'flaky', label: 'Flaky' },
  { value: 'offline', label: 'No network' },
];

const phonesKey = (phones: readonly PhoneView[] | undefined): string =>
  (phones ?? []).map((p) => phoneSignature(p, 0)).join('\n');

/** One phone at a time: go offline (close the app or lose signal) or online, send, open a chat, switch its protocol or link. */
export function PhoneControls(): React.JSX.Element {
  const phoneCount = useView((s) => s.snapshot?.phoneCount ?? 0);
  const phones = useView(
    (s) => s.snapshot?.phones ?? [],
    (a, b) => phonesKey(a) === phonesKey(b),
  );
  const store = usePlaygroundStore();
  const chosen = useView((s) => s.selectedPhone);
  const phone = phones.find((p) => p.user === chosen) ?? phones[0];
  if (!phone)
    return (
      <Section title="Phone">
        {phoneCount === 0 ? 'Starting the simulation…' : 'No phones yet: spawn some.'}
      </Section>
    );
  const others = phones.filter((p) => p.user !== phone.user);
  return (
    <Section title="Phone">
      <SelectField
        label="Phone"
        value={phone.user}
        options={phones.map((p) => ({ value: p.user, label: displayName(p.name) }))}
        onChange={store.choosePhone}
      />
      <PhoneCard key={phone.user} phone={phone} others={others} />
      {phoneCount > phones.length ? (
        <PhoneNumber count={phoneCount} listed={phones.length} />
      ) : null}
    </Section>
  );
}

function PhoneCard({
  phone,
  others,
}: {
  phone: PhoneView;
  others: readonly PhoneView[];
}): React.JSX.Element {
  const store = usePlaygroundStore();
  const [to, setTo] = useState<number>(others[0]?.user ?? 0);
  const [text, setText] = useState('Hi!');
  const [chat, setChat] = useState<number>(others[0]?.user ?? 0);
  const textId = useId();
  const offlineHelpId = useId();
  const offline = phone.status === 'offline';
  const target = others.find((o) => o.user === to) ?? others[0];
  const chatWith = others.find((o) => o.user === chat) ?? others[0];
  const send = (): void => {
    if (!target || text.trim() === '') return;
    void store.input({ do: 'send', from: phone.user, to: target.user, text });
  };
  return (
    <div className="pg-phonecard">
      <p className="pg-status-line">
        <span className={`pg-dot pg-status-${phone.status}`} aria-hidden="true" />{' '}
        {displayName(phone.name)} is <strong>{phone.status}</strong>
      </p>
      {offline ? (
        <button
          type="button"
          className="pg-btn"
          onClick={() => void store.input({ do: 'online', user: phone.user })}
        >
          Go online
        </button>
      ) : (
        <div className="pg-row" role="group" aria-label="Two ways to go offline">
          <button
            type="button"
            className="pg-btn"
            aria-describedby={offlineHelpId}
            onClick={() => void store.input({ do: 'offline', user: phone.user })}
          >
            Go offline
          </button>
          <button
            type="button"
            className="pg-btn"
            aria-describedby={offlineHelpId}
            onClick={() =>
              void store.input({ do: 'offline', user: phone.user, how: 'lose-signal' })
            }
          >
            Lose signal
          </button>
        </div>
      )}
      {offline ? null : (
        <p className="pg-note" id={offlineHelpId}>
          Go offline closes the app: the gateway knows at once. Lose signal is silent: the gateway
          finds out only when its keep-alive runs out.
        </p>
      )}
      {target ? (
        <div className="pg-send">
          <div className="pg-row">
            <SelectField
              label="Send to"
              value={target.user}
              options={others.map((o) => ({ value: o.user, label: displayName(o.name) }))}
              onChange={setTo}
            />
            <div className="pg-field pg-grow">
              <label htmlFor={textId}>Message</label>
              <input
                id={textId}
                type="text"
                value={text}
                maxLength={500}
                onChange={(e) => setText(e.target.value)}
                onKeyDown={(e) => e.key === 'Enter' && send()}
              />
            </div>
          </div>
          <StayButton className="pg-btn pg-primary" onClick={send} unavailable={text.trim() === ''}>
            Send
          </StayButton>
        </div>
      ) : null}
      {chatWith ? (
        <div className="pg-row pg-end">
          <SelectField
            label="Chat with"
            value={chatWith.user}
            options={others.map((o) => ({ value: o.user, label: displayName(o.name) }))}
            onChange={setChat}
          />
          <button
            type="button"
            className="pg-btn"
            onClick={() => void store.input({ do: 'open', user: phone.user, chat: chatWith.user })}
          >
            Open chat
          </button>
        </div>
      ) : null}
      <PhoneSearch
        user={phone.user}
        name={displayName(phone.name)}
        names={(u) => displayName(others.find((o) => o.user === u)?.name ?? `u${u}`)}
      />
      <div className="pg-row">
        <SelectField<ProtocolName>
          label="Its protocol"
          value={phone.proto}
          options={PROTOCOL_OPTIONS}
          onChange={(p) => void store.input({ do: 'protocol', user: phone.user, protocol: p })}
        />
        <SelectField<LinkQuality>
          label="Its link"
          value={phone.link}
          options={LINKS}
          onChange={(q) => void store.input({ do: 'link', user: phone.user, quality: q })}
        />
      </div>
    </div>
  );
}

/** Past the first phones: pick any phone by its number (the host then reports it in detail). */
function PhoneNumber({ count, listed }: { count: number; listed: number }): React.JSX.Element {
  const store = usePlaygroundStore();
  const [text, setText] = useState('');
  const id = useId();
  const n = Number(text);
  const ok = Number.isInteger(n) && n >= 1 && n <= count;
  return (
    <>
      <form
        className="pg-row pg-end"
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) store.choosePhone(n);
        }}
      >
        <div className="pg-field">
          <label htmlFor={id}>Phone number (1–{count})</label>
          <input
            id={id}
            type="number"
            min={1}
            max={count}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={text !== '' && !ok}
          />
        </div>
        <button type="submit" className="pg-btn" disabled={!ok}>
          Show
        </button>
      </form>
      <p className="pg-note">
        The first {listed} are listed; the diagram groups all {count}.
      </p>
    </>
  );
}
