import { useId } from 'react';

/** A labelled select: the visible label is the accessible name. */
export function SelectField<T extends string | number>({
  label,
  value,
  options,
  onChange,
  disabled,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
  disabled?: boolean;
}): React.JSX.Element {
  const id = useId();
  return (
    <div className="pg-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={String(value)}
        disabled={disabled}
        onChange={(e) => {
          const found = options.find((o) => String(o.value) === e.target.value);
          if (found) onChange(found.value);
        }}
      >
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A titled group of controls (a fieldset, so its legend names the group for assistive tech). */
export function Section({
  title,
  children,
  note,
}: {
  title: string;
  children: React.ReactNode;
  note?: React.ReactNode;
}): React.JSX.Element {
  return (
    <fieldset className="pg-section">
      <legend>{title}</legend>
      {children}
      {note ? <p className="pg-note">{note}</p> : null}
    </fieldset>
  );
}
