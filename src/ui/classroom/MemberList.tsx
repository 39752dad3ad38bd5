/** Everyone in the room, with who is online, and (for students) a button to write to each. */
import type { ClassroomMember } from '../../bridge/classroom-api';

export function MemberList({
  members,
  me,
  onMessage,
}: {
  members: readonly ClassroomMember[];
  me: string | null;
  onMessage?: (name: string) => void;
}): React.JSX.Element {
  const online = members.filter((m) => m.online).length;
  return (
    <section className="cr-members" aria-labelledby="cr-members-title">
      <h2 id="cr-members-title">
        Members ({online} of {members.length} online)
      </h2>
      {members.length === 0 ? (
        <p className="cr-help">Nobody has joined yet.</p>
      ) : (
        <ul>
          {members.map((m) => (
            <li key={m.name}>
              <span className={`cr-dot ${m.online ? 'cr-on' : 'cr-off'}`} aria-hidden="true" />
              <span className="cr-member-name">{m.name === me ? `${m.name} (you)` : m.name}</span>
              <span className="cr-help">{m.online ? 'online' : 'offline'}</span>
              {onMessage && m.name !== me && (
                <button type="button" className="cr-btn" onClick={() => onMessage(m.name)}>
                  Message {m.name}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
