/** Hands the one store to components; they read one value per selector (style.md §4). */
import { createContext, useContext, type ReactNode } from 'react';
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

/** Actions never change, so reading them from getState avoids subscriptions. */
export function useActions(): FerryState {
  return useFerryStore().getState();
}
