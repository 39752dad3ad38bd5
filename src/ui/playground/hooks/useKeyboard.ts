import { useEffect } from 'react';
import type { PlaygroundStore } from '../store/playground-store';

/** Elements whose own keys must win over the page's shortcuts. */
const OWN_KEYS =
  'input, textarea, select, button, a, summary, [contenteditable], [role="slider"], [role="row"]';

/** Space plays or pauses, `.` steps, anywhere that is not a control with its own use for the key. */
export function useKeyboard(store: PlaygroundStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as Element | null;
      if (target?.closest?.(OWN_KEYS)) return;
      if (e.key === ' ') {
        e.preventDefault();
        void store.toggle();
      } else if (e.key === '.') {
        e.preventDefault();
        void store.step();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
