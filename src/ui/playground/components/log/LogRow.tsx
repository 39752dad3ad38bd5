import { memo } from 'react';
import type { TraceEvent } from '../../../../bridge/playground-api';
import type { NameBook } from '../../../../views/actors';
import { KIND_MEANING, noteText, routeText } from '../../model/event-text';
import { formatClock, formatInt } from '../../../../views/format';
import { PROTOCOL_SHORT } from '../../model/settings';

export const ROW_HEIGHT = 24;

/** One trace event; rows of chat messages open the inspector (click, Enter or Space). */
export const LogRow = memo(function LogRow({
  e,
  index,
  names,
  selected,
  onSelect,
}: {
  e: TraceEvent;
  index: number;
  names: NameBook;
  selected: boolean;
  onSelect: (msg: number) => void;
}): React.JSX.Element {
  const pick = (): void => {
    if (e.msg > 0) onSelect(e.msg);
  };
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={e.msg > 0 ? 0 : -1}
      className={`pg-logrow pg-kind-${e.kind}${selected ? ' pg-selected' : ''}${e.msg > 0 ? ' pg-clickable' : ''}`}
      style={{
        position: 'absolute',
        top: index * ROW_HEIGHT,
        height: ROW_HEIGHT,
        left: 0,
        right: 0,
      }}
      onClick={pick}
      onKeyDown={(ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          pick();
        }
      }}
      title={KIND_MEANING[e.kind]}
    >
      <span role="cell" className="pg-mono">
        {formatClock(e.atMs)}
      </span>
      <span role="cell">
        <span className={`pg-kind pg-kind-${e.kind}`}>{e.kind}</span>
      </span>
      <span role="cell">{routeText(e, names)}</span>
      <span role="cell" className="pg-mono">
        {e.msg > 0 ? `#${e.msg}` : ''}
      </span>
      <span role="cell" className="pg-mono">
        {e.bytes > 0 ? formatInt(e.bytes) : ''}
      </span>
      <span role="cell">{e.proto ? PROTOCOL_SHORT[e.proto] : ''}</span>
      <span role="cell" className="pg-note-cell">
        {noteText(e.note, names)}
      </span>
    </div>
  );
});
