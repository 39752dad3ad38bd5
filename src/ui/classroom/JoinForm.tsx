/** A student picks a name; the page checks it before the room does. */
import { useState, type FormEvent } from 'react';
import type { ClassroomControl } from '../../bridge/classroom-api';

export function JoinForm({ control }: { control: ClassroomControl }): React.JSX.Element {
  const [name, setName] = useState(() => control.rememberedName());
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    const p = control.nameProblem(trimmed);
    setProblem(p);
    if (p === null) control.join(trimmed);
  };
  return (
    <form className="cr-join" onSubmit={submit} aria-labelledby="cr-join-title" noValidate>
      <h2 id="cr-join-title">Join the room</h2>
      <p>Pick the name the others will see. Your browser becomes one phone in the room.</p>
      <label htmlFor="cr-name">Your name</label>
      <input
        id="cr-name"
        value={name}
        autoComplete="nickname"
        maxLength={32}
        aria-invalid={problem !== null}
        aria-describedby="cr-name-help"
        onChange={(e) => setName(e.target.value)}
      />
      <p id="cr-name-help" className={problem ? 'cr-problem' : 'cr-help'}>
        {problem ?? 'Letters, digits, - or _, up to 16 characters.'}
      </p>
      <button type="submit" className="cr-btn cr-primary">
        Join
      </button>
    </form>
  );
}
