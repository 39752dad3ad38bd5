import type { LabPhoneView, LabSnapshot } from '../../bridge/lab-api';
import { displayName } from '../playground/model/names';
import { stateText } from './LabControls';

/** One real phone: its connection, its session, and its messages (always rendered as text). */
function PhoneCard({ phone }: { phone: LabPhoneView }): React.JSX.Element {
  const name = displayName(phone.name);
  return (
    <article className="pg-lab-card" aria-label={`${name}'s phone`}>
      <h2>
        <span className={`pg-dot pg-lab-${phone.state}`} aria-hidden="true" /> {name}
      </h2>
      <p className="pg-muted">
        {stateText(phone)} · client id <code>{phone.clientId}</code>
        {phone.sessionPresent !== undefined && (
          <>
            {' '}
            · sessionPresent <strong>{String(phone.sessionPresent)}</strong>
          </>
        )}
      </p>
      <p className="pg-muted">
        Topic <code>{phone.topic}</code>
      </p>
      <h3>Inbox</h3>
      {phone.inbox.length === 0 ? (
        <p className="pg-muted">Nothing received yet.</p>
      ) : (
        <ol className="pg-lab-inbox" aria-label={`${name}'s inbox`}>
          {phone.inbox.map((m, i) => (
            <li key={i}>
              <span className="pg-muted">{displayName(m.from)}:</span> {m.text}
              {m.copies > 0 && (
                <span className="pg-muted"> (+{m.copies} redelivered, not shown twice)</span>
              )}
            </li>
          ))}
        </ol>
      )}
      {phone.sent.length > 0 && (
        <>
          <h3>Sent</h3>
          <ol className="pg-lab-sent" aria-label={`${name}'s sent messages`}>
            {phone.sent.map((m, i) => (
              <li key={i}>
                to {displayName(m.to)}: {m.text}{' '}
                <span aria-label={m.acked ? 'broker acknowledged' : 'waiting for PUBACK'}>
                  {m.acked ? '✓' : '🕓'}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </article>
  );
}

/** Below the diagram: each real phone with its inbox and what it sent. */
export function LabPhones({ snapshot }: { snapshot: LabSnapshot }): React.JSX.Element {
  return (
    // It scrolls when the phones' inboxes outgrow it: focusable, so a keyboard can scroll it too.
    <section className="pg-lab-phones" aria-label="Phones' inboxes" tabIndex={0}>
      {snapshot.phones.map((p) => (
        <PhoneCard key={p.name} phone={p} />
      ))}
    </section>
  );
}
