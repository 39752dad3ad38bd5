import { useEffect, type RefObject } from 'react';
import type { PlaygroundStore } from '../playground/store/playground-store';

/**
 * Pauses the run while the embed cannot be seen — scrolled off the host page (IntersectionObserver
 * measures against the top-level viewport, across origins too) or in a hidden tab — and resumes it
 * when it is seen again, if it was playing. A paused run costs nothing: no frames, no events.
 */
export function useAutoPause(
  store: PlaygroundStore,
  el: RefObject<HTMLElement | null>,
  autoplay: boolean,
): void {
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    let onScreen = false;
    // Autoplay waits until the embed is first seen: a lazy frame loads before it scrolls into view.
    let resumeWhenSeen = autoplay;
    const update = (): void => {
      const seen = onScreen && document.visibilityState === 'visible';
      const running = store.getState().snapshot?.running ?? false;
      if (!seen && running) {
        resumeWhenSeen = true;
        void store.pause();
      } else if (seen && resumeWhenSeen) {
        resumeWhenSeen = false;
        void store.play();
      }
      node.dataset['visible'] = seen ? 'yes' : 'no';
    };
    const io = new IntersectionObserver((entries) => {
      onScreen = entries.some((e) => e.isIntersecting);
      update();
    });
    io.observe(node);
    document.addEventListener('visibilitychange', update);
    // Pressing Play while off-screen (a script, a keyboard) would run unseen: catch it here too.
    const unsubscribe = store.subscribe(() => {
      if (!onScreen || document.visibilityState !== 'visible') {
        if (store.getState().snapshot?.running) update();
      }
    });
    return () => {
      io.disconnect();
      document.removeEventListener('visibilitychange', update);
      unsubscribe();
    };
  }, [store, el, autoplay]);
}
