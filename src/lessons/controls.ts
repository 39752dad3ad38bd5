/**
 * The page's controls a lesson may point at ("Show me"), by stable id. The player maps each id to
 * the element it highlights; the label is what the learner sees it called, so a hint and the page
 * use the same words. Adding a control here is the one code change a new kind of lesson step needs.
 */
export const CONTROLS = {
  'phone.send': 'Send (a phone’s message box)',
  'phone.online': 'Go offline / Lose signal / Go online (a phone)',
  'phone.open-chat': 'Open chat (sends read receipts)',
  'phone.link': 'Its link (good, flaky, offline)',
  'phone.protocol': 'Its protocol (a phone)',
  'phone.search': 'Search (on a phone)',
  'fleet.protocol-all': 'Protocol for all phones',
  'fleet.spawn': 'Spawn phones',
  'spike.fire': 'Fire spike',
  'spike.retry': 'After a refusal, retry with',
  'gateway.backpressure': 'Backpressure',
  'gateway.threshold': 'Backpressure threshold',
  'gateway.crash': 'Crash the gateway',
  'run.play-pause': 'Play / Pause',
  'run.step': 'Step',
  'run.time': 'Virtual time (the scrubber)',
  'view.storage': 'Temporary Storage',
  'view.compare': 'Protocol comparison',
  'view.metrics': 'Metrics',
  'view.inspector': 'Message inspector',
  'view.event-log': 'Event log',
} as const;

export type ControlId = keyof typeof CONTROLS;

export const CONTROL_IDS = Object.keys(CONTROLS) as ControlId[];

export const isControlId = (s: string): s is ControlId => Object.hasOwn(CONTROLS, s);
