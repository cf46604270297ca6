/** Hands the one store to components; they read one value per selector (style.md §4). */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { FerryStore } from '../store/store';
import type { FerryState } from '../store/types';

const StoreContext = createContext<FerryStore | null>(null);

export function StoreProvider(props: { readonly store: FerryStore; readonly children: ReactNode }) {
  return <StoreContext.Provider value={props.store}>{props.children}</StoreContext.Provider>;
}

export function useFerryStore(): FerryStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreProvider missing');
  return store;
}

export function useFerry<T>(selector: (s: FerryState) => T): T {
  return useStore(useFerryStore(), selector);
}

/** Functions of the store, never its data: the actions are created once, so this object is
 * stable across renders (safe in effect dependencies) and subscribes to nothing. */
export type Actions = { readonly [K in keyof FerryState as FerryState[K] extends (...args: never[]) => unknown ? K : never]: FerryState[K] };

export function useActions(): Actions {
  const store = useFerryStore();
  return useMemo(() => {
    const state = store.getState();
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(state)) if (typeof v === 'function') out[k] = v;
    return out as Actions;
  }, [store]);
}
