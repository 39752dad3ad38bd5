import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef, type MutableRefObject } from 'react';
import { usePlaygroundStore } from '../../hooks/usePlayground';
import { hopEndpoints, type Point, type Rect } from '../../model/anchors';
import type { EdgeSpec } from '../../../../views/diagram-layout';
import {
  flightRadius,
  flightStyle,
  lerp,
  progress,
  sampleFlights,
  type FlightStyle,
} from '../../model/flights';
import { formatInt } from '../../../../views/format';
import { edgeIdFor, PULSE_MS } from '../../store/view-state';
import { noteText } from '../../model/event-text';

/** Dots drawn per frame at most; beyond it a sample (every k-th) is drawn and the legend says so. */
const MAX_DRAWN = 1000;
/** Under reduced motion the canvas changes at most this often: steps, not motion. */
const REDUCED_MOTION_EVERY_MS = 500;

export type HitTest = (x: number, y: number) => number | undefined;

const STYLE_VARS: Record<FlightStyle, string> = {
  chat: '--pg-flight-chat',
  ack: '--pg-flight-ack',
  keepalive: '--pg-flight-keepalive',
  poll: '--pg-flight-poll',
  refused: '--pg-flight-refused',
  connect: '--pg-flight-connect',
  store: '--pg-flight-store',
  other: '--pg-flight-other',
};

function readColors(el: Element): Record<FlightStyle, string> & { text: string; ring: string } {
  const cs = getComputedStyle(el);
  const out = {} as Record<FlightStyle, string> & { text: string; ring: string };
  for (const k of Object.keys(STYLE_VARS) as FlightStyle[])
    out[k] = cs.getPropertyValue(STYLE_VARS[k]).trim() || '#888';
  out.text = cs.getPropertyValue('--pg-text').trim() || '#222';
  out.ring = cs.getPropertyValue('--pg-focus').trim() || '#f0a';
  return out;
}

/**
 * Messages in flight, on one canvas above React Flow (thousands of dots would be thousands of DOM
 * nodes). Each dot is a hop of the trace placed by virtual time; the React Flow viewport maps flow
 * coordinates to the screen. Under reduced motion, hops show as highlighted edges, step by step.
 */
export function FlightOverlay({
  edges,
  reducedMotion,
  theme,
  hitTestRef,
}: {
  edges: readonly EdgeSpec[];
  reducedMotion: boolean;
  theme: string;
  hitTestRef: MutableRefObject<HitTest | undefined>;
}): React.JSX.Element {
  const store = usePlaygroundStore();
  const rf = useStoreApi();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const legendRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const edgeById = new Map(edges.map((e) => [e.id, e]));
    const colors = readColors(canvas);
    let hits: { x: number; y: number; r: number; msg: number }[] = [];
    hitTestRef.current = (x, y) => {
      let best: { d: number; msg: number } | undefined;
      for (const h of hits) {
        const d = Math.hypot(h.x - x, h.y - y);
        if (h.msg > 0 && d <= h.r + 8 && (!best || d < best.d)) best = { d, msg: h.msg };
      }
      return best?.msg;
    };
    let raf = 0;
    let lastKey = '';
    // Reduced motion: each redraw shows every hop since the previous one, as still highlights.
    let drawnUntil = -Infinity;
    store.motion.setHorizon(reducedMotion ? -Infinity : undefined);
    let lastDrawWall = -Infinity;
    let width = 0;
    let height = 0;
    const resize = new ResizeObserver(() => {
      const dpr = window.devicePixelRatio || 1;
      width = canvas.clientWidth;
      height = canvas.clientHeight;
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      lastKey = '';
    });
    resize.observe(canvas);

    const draw = (wall: number): void => {
      raf = requestAnimationFrame(draw);
      if (reducedMotion && wall - lastDrawWall < REDUCED_MOTION_EVERY_MS) return;
      const { transform, nodeLookup } = rf.getState();
      const [tx, ty, k] = transform;
      const st = store.getState();
      const now = st.snapshot?.nowMs ?? 0;
      const focus = st.followedMsg ?? st.selectedMsg;
      const key = `${now}|${tx}|${ty}|${k}|${store.motion.flights.length}|${store.motion.pulses.length}|${store.motion.displayMs}|${width}|${height}|${focus}`;
      if (key === lastKey) return;
      lastKey = key;
      lastDrawWall = wall;
      ctx.clearRect(0, 0, width, height);
      hits = [];
      const rect = (id: string): Rect | undefined => {
        const n = nodeLookup.get(id);
        const w = n?.measured.width;
        const h = n?.measured.height;
        if (!n || !w || !h) return undefined;
        return { x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, w, h };
      };
      const ends = new Map<string, { a: Point; b: Point } | undefined>();
      const endpoints = (from: string, to: string): { a: Point; b: Point } | undefined => {
        const key2 = `${from}>${to}`;
        if (!ends.has(key2))
          ends.set(key2, hopEndpoints(from, to, edgeById.get(edgeIdFor(from, to)), rect));
        return ends.get(key2);
      };
      const screen = (p: Point): Point => ({ x: p.x * k + tx, y: p.y * k + ty });

      // Pulses: hops with no travel time light their edge for a moment. Each edge shows one label,
      // its newest pulse's (with how many others), so a burst never piles text on one spot.
      const labels = new Map<
        string,
        { text: string; x: number; y: number; left: boolean; alpha: number; more: number }
      >();
      for (const pulse of store.motion.pulses) {
        const age = store.motion.displayMs - pulse.bornMs;
        if (age >= PULSE_MS) continue;
        const e = endpoints(pulse.flight.from, pulse.flight.to);
        if (!e) continue;
        const a = screen(e.a);
        const b = screen(e.b);
        const alpha = reducedMotion ? 0.9 : 1 - age / PULSE_MS;
        ctx.globalAlpha = alpha;
        ctx.strokeStyle = colors[flightStyle(pulse.flight)];
        ctx.lineWidth = 5;
        ctx.beginPath();
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
        ctx.stroke();
        if (pulse.flight.note) {
          // Label on the outer side of the edge: left of a line that leans left going down, else right.
          const [top, bottom] = a.y <= b.y ? [a, b] : [b, a];
          const left = bottom.x < top.x;
          const edge = `${pulse.flight.from}>${pulse.flight.to}`;
          const before = labels.get(edge);
          labels.set(edge, {
            // Names, not user ids: `routed: Bob is online`.
            text: `${pulse.flight.kind}: ${noteText(pulse.flight.note, store.getState().names)}`,
            x: (a.x + b.x) / 2 + (left ? -10 : 10),
            y: (a.y + b.y) / 2,
            left,
            alpha,
            more: before ? before.more + 1 : 0,
          });
        }
      }
      ctx.fillStyle = colors.text;
      ctx.font = '12px system-ui, sans-serif';
      for (const l of labels.values()) {
        ctx.globalAlpha = l.alpha;
        ctx.textAlign = l.left ? 'right' : 'left';
        ctx.fillText(l.more ? `${l.text} (+${l.more} more)` : l.text, l.x, l.y);
      }
      ctx.textAlign = 'left';
      ctx.globalAlpha = 1;

      if (now < drawnUntil) drawnUntil = -Infinity; // time travel went back
      const since = drawnUntil;
      const live = store.motion.flights.filter(
        (f) =>
          f.atMs <= now &&
          (f.arriveAtMs >= now || f.msg === focus || (reducedMotion && f.atMs > since)),
      );
      if (reducedMotion) {
        drawnUntil = now;
        store.motion.setHorizon(now);
      }
      const { drawn, every } = sampleFlights(live, MAX_DRAWN);
      // One path per style, filled or stroked once: thousands of dots cost a handful of draw calls.
      const paths = new Map<FlightStyle, Path2D>();
      const crosses = new Path2D();
      const pathOf = (style: FlightStyle): Path2D => {
        let p = paths.get(style);
        if (!p) paths.set(style, (p = new Path2D()));
        return p;
      };
      const focused: { at: Point; r: number; label: string }[] = [];
      const scale = Math.max(0.6, Math.min(1.4, Math.sqrt(k)));
      for (const f of drawn) {
        const e = endpoints(f.from, f.to);
        if (!e) continue;
        const style = flightStyle(f);
        const isFocus = focus !== undefined && f.msg === focus;
        if (reducedMotion) {
          const a = screen(e.a);
          const b = screen(e.b);
          const path = pathOf(style);
          path.moveTo(a.x, a.y);
          path.lineTo(b.x, b.y);
          hits.push({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, r: 6, msg: f.msg });
          continue;
        }
        const p = progress(f, now);
        if (p >= 1 && !isFocus) continue;
        const at = screen(lerp(e.a, e.b, p));
        const r = flightRadius(f.bytes) * scale;
        const path = pathOf(style);
        path.moveTo(at.x + r, at.y);
        path.arc(at.x, at.y, r, 0, Math.PI * 2);
        if (style === 'refused') {
          crosses.moveTo(at.x - r, at.y - r);
          crosses.lineTo(at.x + r, at.y + r);
          crosses.moveTo(at.x + r, at.y - r);
          crosses.lineTo(at.x - r, at.y + r);
        }
        if (isFocus) focused.push({ at, r, label: `#${f.msg} ${f.kind}` });
        hits.push({ x: at.x, y: at.y, r, msg: f.msg });
      }
      for (const [style, path] of paths) {
        if (reducedMotion || style === 'poll') {
          ctx.strokeStyle = colors[style];
          ctx.lineWidth = reducedMotion ? 4 : 2;
          ctx.stroke(path);
        } else {
          ctx.fillStyle = colors[style];
          ctx.fill(path);
        }
      }
      ctx.strokeStyle = colors.text;
      ctx.lineWidth = 1.5;
      ctx.stroke(crosses);
      for (const { at, r, label } of focused) {
        ctx.strokeStyle = colors.ring;
        ctx.lineWidth = 2.5;
        ctx.beginPath();
        ctx.arc(at.x, at.y, r + 5, 0, Math.PI * 2);
        ctx.stroke();
        ctx.fillStyle = colors.text;
        ctx.font = 'bold 12px system-ui, sans-serif';
        ctx.fillText(label, at.x + r + 8, at.y - 6);
      }
      const legend = legendRef.current;
      const text =
        every > 1
          ? `${formatInt(live.length)} hops in flight; drawing 1 in ${every}`
          : live.length
            ? `${formatInt(live.length)} in flight`
            : '';
      if (legend && legend.textContent !== text) legend.textContent = text;
    };
    raf = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(raf);
      resize.disconnect();
      store.motion.setHorizon(undefined);
      hitTestRef.current = undefined;
    };
  }, [edges, reducedMotion, theme, rf, store, hitTestRef]);

  return (
    <>
      <canvas ref={canvasRef} className="pg-flights" aria-hidden="true" />
      <p ref={legendRef} className="pg-flight-count" aria-hidden="true" />
    </>
  );
}
