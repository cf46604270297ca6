/**
 * The shape of the one Ferry store, assembled from slices. Each slice is created by a factory
 * that receives the `FerryApi`, so tests inject a fake API and no slice touches `window`.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { FerryApi } from '../../../electron/preload/api';
import type { AppSlice } from './app-slice';
import type { DiscoverySlice } from './discovery-slice';
import type { ConfigureSlice } from './configure-slice';
import type { RunSlice } from './run-slice';
import type { TestSlice } from './test-slice';
import type { GroupSlice } from './group-slice';
import type { MoveSlice } from './move-slice';

export type FerryState = AppSlice & DiscoverySlice & ConfigureSlice & RunSlice & TestSlice & GroupSlice & MoveSlice;
export type SliceFactory<S> = (api: FerryApi) => StateCreator<FerryState, [], [], S>;

/** Long operations the UI shows progress for (and can abandon). */
export type Op =
  | 'info'
  | 'connect'
  | 'disconnect'
  | 'lab'
  | 'discover'
  | 'resolve'
  | 'read'
  | 'plan'
  | 'export'
  | 'apply'
  | 'cancel'
  | 'audit'
  | 'rollback'
  | 'test'
  | 'report'
  | 'groups'
  | 'cell'
  | 'move'
  | 'movePaths'
  | 'moveHistory';

/** What went wrong, on which host, and the i18n key of what to do about it. */
export interface UiError {
  readonly op: Op;
  readonly code: string;
  readonly message: string;
  readonly target?: string;
  readonly field?: string;
  readonly hintKey: string;
  /** The message as an i18n key + params, when main sent one. */
  readonly messageKey?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}
