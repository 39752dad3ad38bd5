// Proves the Mermaid export shows a message's real hops, in order, and that no label can carry
// markup or statement separators whatever names and notes contain.
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../bridge/playground-api';
import { mermaidText, toSequenceDiagram } from './mermaid-sequence';

const ev = (p: Partial<TraceEvent> & Pick<TraceEvent, 'kind' | 'from' | 'to'>): TraceEvent => ({
  atMs: 0,
  msg: 1,
  bytes: 0,
  headerBytes: 0,
  arriveAtMs: p.atMs ?? 0,
  ...p,
});

const online: TraceEvent[] = [
  ev({ atMs: 2000, kind: 'sent', from: 17, to: 18, bytes: 109, note: 'created' }),
  ev({
    atMs: 2000,
    kind: 'frame',
    from: 17,
    to: 1,
    bytes: 142,
    arriveAtMs: 2074,
    proto: 'mqtt',
    note: 'PUBLISH',
  }),
  ev({ atMs: 2074, kind: 'accepted', from: 17, to: 1, note: '✓' }),
  ev({ atMs: 2084, kind: 'routed', from: 2, to: 1, note: 'u2 online' }),
  ev({
    atMs: 2084,
    kind: 'pushed',
    from: 1,
    to: 18,
    bytes: 140,
    arriveAtMs: 2089,
    note: 'PUBLISH',
  }),
  ev({ atMs: 2150, kind: 'delivered', from: 17, to: 18 }),
  ev({ atMs: 2300, kind: 'receipt', from: 18, to: 17, note: 'delivered' }),
];

describe('toSequenceDiagram', () => {
  it('declares the five participants and draws each hop as an arrow', () => {
    const text = toSequenceDiagram(
      1,
      online,
      new Map([
        [1, 'alice'],
        [2, 'bob'],
      ]),
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('sequenceDiagram');
    expect(text).toContain('participant S as alice (sender)');
    expect(text).toContain('participant R as bob (recipient)');
    expect(text).toContain('participant SM as Session Manager');
    expect(text).toContain('participant ST as Temporary Storage');
    expect(lines.filter((l) => l.includes('->>'))).toEqual([
      '    S->>GW: 2.000 s - frame - PUBLISH - 142 B',
      '    SM-->>GW: 2.084 s - routed - u2 online',
      '    GW->>R: 2.084 s - pushed - PUBLISH - 140 B',
    ]);
    expect(text).toContain('Note over R: 2.150 s - delivered');
    expect(text).toContain('Note over S: 2.300 s - receipt - delivered');
  });

  it('shows storage and its delete for an offline recipient', () => {
    const offline = [
      online[0]!,
      ev({ atMs: 2084, kind: 'stored', from: 1, to: 3, bytes: 125, arriveAtMs: 2089, note: 'c1' }),
      ev({ atMs: 6076, kind: 'fetched', from: 3, to: 1, bytes: 125, arriveAtMs: 6076, note: 'c1' }),
      ev({ atMs: 10330, kind: 'deleted', from: 1, to: 3, note: 'c1' }),
    ];
    const text = toSequenceDiagram(1, offline, new Map());
    expect(text).toContain('participant S as u1 (sender)');
    expect(text).toContain('GW->>ST: 2.084 s - stored - c1 - 125 B');
    expect(text).toContain('ST->>GW: 6.076 s - fetched - c1 - 125 B');
    expect(text).toContain('GW-->>ST: 10.330 s - deleted - c1');
  });

  it('escapes names and notes so no label holds markup, separators or newlines', () => {
    const evil = '<img src=x onerror=alert(1)>;%%\n#x:';
    const events = [
      { ...online[0]!, note: evil },
      { ...online[1]!, note: evil },
    ];
    const text = toSequenceDiagram(1, events, new Map([[1, evil]]));
    const body = text.split('\n').slice(1);
    for (const line of body) {
      const labelText = line.split(/:\s/).slice(1).join(': ');
      // Only the safe alphabet and whole `#code;` entities (Mermaid decodes those after parsing).
      expect(labelText.replace(/#\d+;/g, '')).toMatch(/^[A-Za-z0-9 .,_/()=+-]*$/);
    }
    expect(text).not.toContain('<img');
    expect(text).toContain('#60;img src=x onerror=alert(1)#62;#59;#37;#37; #35;x#58;');
  });

  it('says so when no event of the message is kept', () => {
    expect(toSequenceDiagram(9, [], new Map())).toContain('no events of this message are kept');
  });
});

describe('mermaidText', () => {
  it('keeps plain text and encodes everything else', () => {
    expect(mermaidText('POST /v1/messages 200')).toBe('POST /v1/messages 200');
    expect(mermaidText('✓✓')).toBe('#10003;#10003;');
  });
});
