import { useEffect, type RefObject } from 'react';

/** How long a pane's size must hold before the diagram refits to it. */
const SETTLE_MS = 150;

/**
 * Watches a diagram's pane: `onSize` hears its height at once on every change (the first size
 * too), `refit` runs once a change has settled (not for the first size, which the diagram's own
 * fit covers). Pass stable callbacks (`useCallback`): new ones start a new observer.
 */
export function useRefitOnResize(
  area: RefObject<HTMLElement | null>,
  refit: () => void,
  onSize?: (heightPx: number) => void,
): void {
  useEffect(() => {
    const el = area.current;
    if (!el) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let first = true;
    const ro = new ResizeObserver(() => {
      onSize?.(el.clientHeight);
      if (first) {
        first = false;
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(refit, SETTLE_MS);
    });
    ro.observe(el);
    return () => {
      clearTimeout(timer);
      ro.disconnect();
    };
  }, [area, refit, onSize]);
}
