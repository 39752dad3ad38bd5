import { createContext, useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import type { PlaygroundStore } from '../store/playground-store';
import type { ViewState } from '../store/view-state';

export const StoreContext = createContext<PlaygroundStore | null>(null);

/** The page's one store (actions and the non-React parts: log, flights). */
export function usePlaygroundStore(): PlaygroundStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('usePlaygroundStore needs a <StoreContext.Provider>');
  return store;
}

/** Shallow equality for small objects and arrays of primitives. */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a) as (keyof T)[];
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is(a[k], b[k]));
}

/**
 * A slice of the view state; the component re-renders only when `equal` says the slice changed.
 * `select` may build a new object each time as long as `equal` sees through it.
 */
export function useView<T>(
  select: (s: ViewState) => T,
  equal: (a: T, b: T) => boolean = Object.is,
): T {
  const store = usePlaygroundStore();
  const last = useRef<{ value: T } | undefined>(undefined);
  // A new `select` each render is fine: useSyncExternalStore calls the latest getSnapshot, and
  // `last` keeps the previous slice so an equal one is returned by identity.
  const get = useCallback((): T => {
    const next = select(store.getState());
    const prev = last.current;
    if (prev && equal(prev.value, next)) return prev.value;
    last.current = { value: next };
    return next;
  }, [store, select, equal]);
  return useSyncExternalStore(store.subscribe, get, get);
}
