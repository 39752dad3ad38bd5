// Proves the event-log exports: JSON Lines has one line per trace event with exactly README's
// `--trace` fields, and CSV has one row per event whose cells read back to the same values.
import { describe, expect, it } from 'vitest';
import { csvRows, toCsv, toJsonLines, TRACE_FIELDS } from '../../src/views/trace-export';
import { exampleAt } from './snapshots';

describe('event log exports', () => {
  const { events } = exampleAt('offline-store-and-forward', 40);

  it('JSON Lines: one line per event, README fields only, values from the event', () => {
    const text = toJsonLines(events);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(events.length);
    lines.forEach((line, i) => {
      const r = JSON.parse(line) as Record<string, unknown>;
      for (const k of Object.keys(r)) expect(TRACE_FIELDS).toContain(k);
      expect(r['atMs']).toBe(events[i]!.atMs);
      expect(r['kind']).toBe(events[i]!.kind);
      expect(r['bytes']).toBe(events[i]!.bytes);
      expect(typeof r['from']).toBe('string');
    });
    expect(lines.some((l) => l.includes('"from":"store"'))).toBe(true);
  });

  it('CSV: a header and one row per event, with formula-looking cells defused', () => {
    const rows = csvRows(events);
    expect(rows[0]).toBe(TRACE_FIELDS.join(','));
    expect(rows).toHaveLength(events.length + 1);
    const hostile = { ...events[0]!, note: '=HYPERLINK("x"),1' };
    const [, row] = csvRows([hostile]);
    expect(row!.endsWith(`"'=HYPERLINK(""x""),1"`)).toBe(true);
    expect(toCsv(events).split('\r\n')).toHaveLength(events.length + 2);
  });
});
