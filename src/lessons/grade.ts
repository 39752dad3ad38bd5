/**
 * Grading a prediction: the lesson runs up to the step with a fresh seed, the step's actions are
 * given, and the run goes on for the prediction's window; the measured value is compared with the
 * learner's guess, and the gap is explained in words.
 */
import { buildReport } from '../engine/sim/report';
import { describeMeasure, formatNumber, measureValue } from './measures';
import type { Lesson, Measure, NumberPrediction, Prediction, Tolerance } from './model';
import { replayLesson } from './replay';

/** What the learner guessed: a number, or the index of a choice. */
export type Guess = { kind: 'number'; value: number } | { kind: 'choice'; index: number };

export interface Measured {
  readonly seed: number;
  /** Each measure's value: one for a number prediction, one per choice for a choice. */
  readonly values: readonly (number | null)[];
}

export interface Grade {
  readonly right: boolean;
  readonly seed: number;
  /** The true answer as text ("2,310 bytes", "short polling"). */
  readonly answer: string;
  /** One or two sentences: how far off the guess was, and the lesson's explanation. */
  readonly explanation: string;
}

/** Runs the lesson through step `index` with `seed` and measures the prediction's quantities. */
export function measurePrediction(lesson: Lesson, index: number, seed: number): Measured {
  const p = lesson.steps[index]?.prediction;
  if (!p) throw new RangeError(`step ${index + 1} of ${lesson.id} has no prediction`);
  const before = replayLesson(lesson, { seed, throughStep: index - 1 });
  const { sim, sink } = before;
  const start = before.steps.at(-1)?.endedAtMs ?? 0;
  sim.runUntil(start);
  sink.startStep(index, start);
  for (const a of lesson.steps[index]!.actions)
    sim.input(a.action, start + Math.round(a.atSec * 1000));
  const end = start + p.overSec * 1000;
  sim.runUntil(end);
  sink.advance(end);
  const window = sink.windowOf(index)!;
  const report = buildReport(sim);
  const value = (m: Measure) => measureValue(sink.tally, m, window, end, report);
  const values = p.kind === 'number' ? [value(p.measure)] : p.choices.map((c) => value(c.measure));
  return { seed, values };
}

function within(t: Tolerance, guess: number, truth: number): boolean {
  switch (t.kind) {
    case 'absolute':
      return Math.abs(guess - truth) <= t.amount;
    case 'relative':
      return Math.abs(guess - truth) <= t.fraction * Math.abs(truth);
    case 'factor':
      return guess > 0 && truth > 0 && Math.max(guess / truth, truth / guess) <= t.factor;
  }
}

const describeTolerance = (t: Tolerance): string =>
  t.kind === 'absolute'
    ? `within ${formatNumber(t.amount)}`
    : t.kind === 'relative'
      ? `within ${Math.round(t.fraction * 100)} %`
      : `within a factor of ${t.factor}`;

function gap(p: NumberPrediction, guess: number, truth: number): string {
  if (guess === truth) return 'Exactly right.';
  const ratio = guess > 0 && truth > 0 ? Math.max(guess / truth, truth / guess) : Infinity;
  const dir = guess > truth ? 'high' : 'low';
  const by =
    ratio >= 2 && Number.isFinite(ratio)
      ? `${formatNumber(ratio)}× too ${dir}`
      : `${formatNumber(Math.abs(guess - truth))} ${p.unit} too ${dir}`;
  return `Your guess of ${formatNumber(guess)} was ${by}.`;
}

export function gradePrediction(p: Prediction, guess: Guess, m: Measured): Grade {
  if (p.kind === 'number') {
    const truth = m.values[0];
    if (truth === null || truth === undefined)
      return {
        right: false,
        seed: m.seed,
        answer: 'nothing to measure',
        explanation: `The run (seed ${m.seed}) produced no ${describeMeasure(p.measure)} in ${p.overSec} s. ${p.why}`,
      };
    const g = guess.kind === 'number' ? guess.value : NaN;
    const right = within(p.tolerance, g, truth);
    const answer = `${formatNumber(truth)} ${p.unit}`;
    return {
      right,
      seed: m.seed,
      answer,
      explanation: `A run with seed ${m.seed} measured ${answer} (${describeTolerance(p.tolerance)} counts). ${gap(p, g, truth)} ${p.why}`,
    };
  }
  const scored = m.values.map((v, i) => ({ v: v ?? NaN, i })).filter((x) => !Number.isNaN(x.v));
  scored.sort((a, b) => (p.pick === 'highest' ? b.v - a.v : a.v - b.v));
  const best = scored[0]?.i ?? -1;
  const picked = guess.kind === 'choice' ? guess.index : -1;
  const right = picked === best;
  const figures = p.choices
    .map((c, i) => `${c.label}: ${m.values[i] === null ? '—' : formatNumber(m.values[i]!)}`)
    .join('; ');
  const answer = p.choices[best]?.label ?? 'none';
  return {
    right,
    seed: m.seed,
    answer,
    explanation: `With seed ${m.seed} it was ${answer} (${figures}). ${p.why}`,
  };
}
