import { useId, useState } from 'react';
import type { TraceKind } from '../../../../bridge/playground-api';
import type { NameBook } from '../../../../views/actors';
import { KIND_ORDER } from '../../model/event-text';
import { formatInt } from '../../../../views/format';
import { parsePhone, type LogFilter } from '../../model/log-filter';

/** Filter by kind, phone and message; the counts say how much of the log is shown. */
export function LogFilters({
  filter,
  onChange,
  names,
  shown,
  total,
  stick,
  onStick,
}: {
  filter: LogFilter;
  onChange: (f: LogFilter) => void;
  names: NameBook;
  shown: number;
  total: number;
  stick: boolean;
  onStick: (v: boolean) => void;
}): React.JSX.Element {
  const kindId = useId();
  const phoneId = useId();
  const msgId = useId();
  const [phoneText, setPhoneText] = useState('');
  const [msgText, setMsgText] = useState('');
  const kind = filter.kinds.size === 1 ? [...filter.kinds][0]! : '';
  const phoneUnknown = phoneText.trim() !== '' && parsePhone(phoneText, names) === undefined;
  const update = (patch: { kind?: string; phone?: string; msg?: string }): void => {
    const k = patch.kind ?? kind;
    const p = patch.phone ?? phoneText;
    const m = patch.msg ?? msgText;
    const phone = parsePhone(p, names);
    const msg = /^#?\d+$/.test(m.trim()) ? Number(m.trim().replace('#', '')) : undefined;
    onChange({
      kinds: new Set(k ? [k as TraceKind] : []),
      ...(phone !== undefined ? { phone } : {}),
      ...(msg !== undefined ? { msg } : {}),
    });
  };
  return (
    <div className="pg-logfilters" role="group" aria-label="Filter the event log">
      <div className="pg-field pg-inline">
        <label htmlFor={kindId}>Kind</label>
        <select id={kindId} value={kind} onChange={(e) => update({ kind: e.target.value })}>
          <option value="">all kinds</option>
          {KIND_ORDER.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </div>
      <div className="pg-field pg-inline">
        <label htmlFor={phoneId}>Phone</label>
        <input
          id={phoneId}
          type="text"
          placeholder="alice or u3"
          value={phoneText}
          size={9}
          aria-invalid={phoneUnknown}
          onChange={(e) => {
            setPhoneText(e.target.value);
            update({ phone: e.target.value });
          }}
        />
      </div>
      <div className="pg-field pg-inline">
        <label htmlFor={msgId}>Message</label>
        <input
          id={msgId}
          type="text"
          inputMode="numeric"
          placeholder="#"
          value={msgText}
          size={5}
          onChange={(e) => {
            setMsgText(e.target.value);
            update({ msg: e.target.value });
          }}
        />
      </div>
      <button
        type="button"
        className="pg-btn pg-small"
        onClick={() => {
          setPhoneText('');
          setMsgText('');
          onChange({ kinds: new Set() });
        }}
      >
        Clear filters
      </button>
      <label className="pg-check pg-inline">
        <input type="checkbox" checked={stick} onChange={(e) => onStick(e.target.checked)} />
        Follow newest
      </label>
      <span className="pg-muted pg-count">
        {formatInt(shown)} of {formatInt(total)} events{phoneUnknown ? ' · no such phone' : ''}
      </span>
    </div>
  );
}
