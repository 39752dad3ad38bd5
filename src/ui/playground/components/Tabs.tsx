import { useId, useRef, type KeyboardEvent } from 'react';

export interface TabSpec<T extends string> {
  readonly id: T;
  readonly label: string;
  readonly render: () => React.ReactNode;
}

/** WAI-ARIA tabs: arrow keys move between tabs, only the active panel is rendered. */
export function Tabs<T extends string>({
  label,
  tabs,
  value,
  onChange,
}: {
  label: string;
  tabs: readonly TabSpec<T>[];
  value: T;
  onChange: (t: T) => void;
}): React.JSX.Element {
  const base = useId();
  const refs = useRef(new Map<T, HTMLButtonElement | null>());
  const onKey = (e: KeyboardEvent): void => {
    const i = tabs.findIndex((t) => t.id === value);
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    const next = tabs[(i + d + tabs.length) % tabs.length]!;
    onChange(next.id);
    refs.current.get(next.id)?.focus();
  };
  const active = tabs.find((t) => t.id === value) ?? tabs[0]!;
  return (
    <div className="pg-tabs">
      <div role="tablist" aria-label={label} className="pg-tablist" onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current.set(t.id, el);
            }}
            type="button"
            role="tab"
            id={`${base}-${t.id}`}
            aria-selected={t.id === value}
            aria-controls={`${base}-${t.id}-panel`}
            tabIndex={t.id === value ? 0 : -1}
            className="pg-tab"
            onClick={() => onChange(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${base}-${active.id}-panel`}
        aria-labelledby={`${base}-${active.id}`}
        className="pg-tabpanel"
        tabIndex={0}
      >
        {active.render()}
      </div>
    </div>
  );
}
