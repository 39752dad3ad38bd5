/**
 * Inputs given while paused apply at the run's next step, but the page shows them at once: the
 * snapshot the controls read already has the phone offline, the gateway's new setting, the new
 * retry policy; and each pending input reads as a sentence ("Bob goes offline at 0:07.210").
 */
import type { InputAction, Snapshot, TimedInput } from '../../../bridge/playground-api';
import { formatClock } from '../../../views/format';
import { displayName } from './names';

/** The snapshot as it will be once its pending inputs apply (as far as the controls show it). */
export function withPending(s: Snapshot): Snapshot {
  if (s.pendingInputs.length === 0) return s;
  let phones = s.phones;
  let gateway = s.gateway;
  let settings = s.settings;
  for (const { action: a } of s.pendingInputs) {
    if (a.do === 'offline' || a.do === 'online') {
      const status = a.do === 'offline' ? 'offline' : 'connecting';
      phones = phones.map((p) => (p.user === a.user ? { ...p, status } : p));
    } else if (a.do === 'gateway') {
      const { do: _do, ...change } = a;
      gateway = { ...gateway, ...change };
    } else if (a.do === 'retry') settings = { ...settings, retry: a.policy };
  }
  return { ...s, phones, gateway, settings };
}

/** One pending input as a learner reads it: `Bob goes offline at 0:07.210`. */
export function pendingText(i: TimedInput, names: ReadonlyMap<number, string>): string {
  const who = (user: number): string => displayName(names.get(user) ?? `phone ${user}`);
  return `${sentence(i.action, who)} at ${formatClock(i.atMs)}`;
}

function sentence(a: InputAction, who: (user: number) => string): string {
  switch (a.do) {
    case 'offline':
      return a.how === 'lose-signal'
        ? `${who(a.user)} loses signal`
        : `${who(a.user)} goes offline`;
    case 'online':
      return `${who(a.user)} comes online`;
    case 'send':
      return `${who(a.from)} sends “${a.text}” to ${who(a.to)}`;
    case 'open':
      return `${who(a.user)} opens the chat with ${who(a.chat)}`;
    case 'link':
      return `${who(a.user)}'s network becomes ${a.quality}`;
    case 'protocol':
      return `${a.user === 'all' ? 'Every phone' : who(a.user)} switches to ${a.protocol}`;
    case 'spawn':
      return `${a.count === 1 ? 'A phone joins' : `${a.count} phones join`}`;
    case 'spike':
      return `A spike of ${a.connections} phones starts`;
    case 'crash':
      return 'The gateway crashes';
    case 'gateway':
      return 'The gateway takes its new settings';
    case 'retry':
      return 'Phones take the new retry policy';
  }
}
