import { useEffect, useMemo, useRef, useState } from 'react';
import { usePlaygroundStore, useView } from '../../hooks/usePlayground';
import { EMPTY_FILTER, isEmptyFilter, matchesFilter, type LogFilter } from '../../model/log-filter';
import { LogFilters } from './LogFilters';
import { LogRow, ROW_HEIGHT } from './LogRow';

const OVERSCAN = 6;

/**
 * The trace, Packet Tracer style: every event, filterable by kind, phone and message. Only the
 * visible rows exist in the DOM. Choosing a row opens its message in the inspector.
 */
export function EventLog(): React.JSX.Element {
  const store = usePlaygroundStore();
  const version = useView((s) => s.logVersion);
  const names = useView((s) => s.names);
  const selected = useView((s) => s.selectedMsg);
  const [filter, setFilter] = useState<LogFilter>(EMPTY_FILTER);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(200);
  const [stick, setStick] = useState(true);
  const box = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => {
    const items = store.log.items;
    return isEmptyFilter(filter) ? items.slice() : items.filter((e) => matchesFilter(e, filter));
    // `version` says the log changed (the log itself is mutable, outside React).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, filter, store]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const el = box.current;
    if (el && stick) el.scrollTop = el.scrollHeight;
  }, [rows, stick, height]);

  // Rows are placed from the scroll position React last saw; following the newest, or after the
  // log shrank (time travel), the bottom is the truth whatever the last scroll event said.
  const maxTop = Math.max(0, rows.length * ROW_HEIGHT - height);
  const top = stick ? maxTop : Math.min(scrollTop, maxTop);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  const visible = rows.slice(first, last);
  return (
    <div className="pg-logpanel">
      <LogFilters
        filter={filter}
        onChange={setFilter}
        names={names}
        shown={rows.length}
        total={store.log.items.length}
        stick={stick}
        onStick={setStick}
      />
      <div
        className="pg-logtable"
        role="table"
        aria-label="Trace events"
        aria-rowcount={rows.length + 1}
      >
        <div className="pg-logrow pg-loghead" role="row">
          <span role="columnheader">Time</span>
          <span role="columnheader">Kind</span>
          <span role="columnheader">From → to</span>
          <span role="columnheader">Msg</span>
          <span role="columnheader">Bytes</span>
          <span role="columnheader">Protocol</span>
          <span role="columnheader">Note</span>
        </div>
        <div
          ref={box}
          className="pg-logbody"
          role="rowgroup"
          onScroll={(e) => {
            const el = e.currentTarget;
            setScrollTop(el.scrollTop);
            const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT * 2;
            if (atBottom !== stick) setStick(atBottom);
          }}
        >
          <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
            {visible.map((e, i) => (
              <LogRow
                key={first + i}
                e={e}
                index={first + i}
                names={names}
                selected={e.msg > 0 && e.msg === selected}
                onSelect={(msg) => store.select(msg)}
              />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
