/**
 * "Show me": finds the control a step names by the words the page shows for it, scrolls it into
 * view, highlights it for a moment and moves focus to it.
 */
import type { ControlId } from '../../bridge/lesson-api';

/** How each control is found: its accessible name (or a landmark's label). */
const FIND: Record<ControlId, RegExp> = {
  'phone.send': /^send$/i,
  'phone.online': /^(go (offline|online)|lose signal)/i,
  'phone.open-chat': /^open chat$/i,
  'phone.link': /^its link$/i,
  'phone.protocol': /^its protocol$/i,
  'phone.search': /^search on /i,
  'fleet.protocol-all': /^switch all phones$/i,
  'fleet.spawn': /^spawn$/i,
  'spike.fire': /^fire spike( of [\d,]+)?$/i,
  'spike.retry': /^after a refusal, retry with/i,
  'gateway.backpressure': /^backpressure/i,
  'gateway.threshold': /^refuse above/i,
  'gateway.crash': /^(crash the gateway|gateway is down)$/i,
  'run.play-pause': /^(play|pause)$/i,
  'run.step': /^step$/i,
  'run.time': /^time travel$/i,
  'view.storage': /^temporary storage/i,
  'view.compare': /^compare$/i,
  'view.metrics': /^metrics$/i,
  'view.inspector': /^inspector$/i,
  'view.event-log': /^event log$/i,
};

const CANDIDATES =
  'button, select, input, [role="tab"], [role="switch"], [role="slider"], [aria-label], .react-flow__node';

function nameOf(el: Element): string {
  const labelled = el.getAttribute('aria-label');
  if (labelled) return labelled.trim();
  const id = el.getAttribute('id');
  const label = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`) : el.closest('label');
  if (label && label !== el) return (label.textContent ?? '').trim();
  return (el.textContent ?? '').trim();
}

export function findControl(id: ControlId, root: ParentNode = document): HTMLElement | undefined {
  const re = FIND[id];
  for (const el of root.querySelectorAll<HTMLElement>(CANDIDATES)) {
    if (el.closest('.ls-pane')) continue;
    if (el.offsetParent === null && getComputedStyle(el).position !== 'fixed') continue;
    if (re.test(nameOf(el))) return el;
  }
  return undefined;
}

/** Highlights the control; returns false when the page shows no such control now. */
export function showControl(id: ControlId): boolean {
  const el = findControl(id);
  if (!el) return false;
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  el.classList.add('ls-highlight');
  window.setTimeout(() => el.classList.remove('ls-highlight'), 2500);
  if (el.tabIndex >= 0 || /^(BUTTON|SELECT|INPUT)$/.test(el.tagName)) el.focus();
  return true;
}
