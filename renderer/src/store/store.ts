/**
 * The one Ferry store: slices combined into a vanilla Zustand store (testable in Node), plus the
 * wiring that feeds main-process events into it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FerryApi } from '../../../electron/preload/api';
import { createAppSlice } from './app-slice';
import { createConfigureSlice } from './configure-slice';
import { createDiscoverySlice } from './discovery-slice';
import { createRunSlice } from './run-slice';
import { createTestSlice } from './test-slice';
import { createGroupSlice } from './group-slice';
import { createMoveSlice } from './move-slice';
import type { FerryState } from './types';

export type FerryStore = StoreApi<FerryState>;

export function createFerryStore(api: FerryApi): FerryStore {
  return createStore<FerryState>()((...a) => ({
    ...createAppSlice(api)(...a),
    ...createDiscoverySlice(api)(...a),
    ...createConfigureSlice(api)(...a),
    ...createRunSlice(api)(...a),
    ...createTestSlice(api)(...a),
    ...createGroupSlice(api)(...a),
    ...createMoveSlice(api)(...a),
  }));
}

/** Subscribes the store to IPC events; returns the unsubscribe for teardown. */
export function connectEvents(store: FerryStore, api: FerryApi): () => void {
  const off = [api.onProgress((event) => store.getState().onProgress(event)), api.onMove((event) => store.getState().onMove(event))];
  return () => off.forEach((f) => f());
}
