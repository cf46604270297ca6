/** Shell state: app info, language, current workspace, busy operations and errors. */
import type { ResponseOf } from '../../../electron/core/contract/channels';
import { ask } from './ask';
import type { Op, SliceFactory, UiError } from './types';

export type Workspace = 'discover' | 'configure' | 'test' | 'history';
export type Language = 'en' | 'de';

export interface AppSlice {
  readonly info: ResponseOf<'app:info'> | null;
  readonly language: Language;
  readonly workspace: Workspace;
  readonly busy: Readonly<Partial<Record<Op, number>>>;
  readonly errors: readonly UiError[];
  loadInfo(): Promise<void>;
  setLanguage(language: Language): void;
  setWorkspace(workspace: Workspace): void;
  dismissError(index: number): void;
  /**
   * Stops waiting for an operation; its late answer is ignored. Host reads and the migration
   * test are also stopped in the main process, so their remote calls do not run on unseen.
   */
  abandon(op: Op): void;
}

/** `de`, `de-AT`, `de_CH.UTF-8` → German; everything else English. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale && /^de([-_]|$)/i.test(locale) ? 'de' : 'en';
}

export const createAppSlice: SliceFactory<AppSlice> = (api) => (set, get) => ({
  info: null,
  language: 'en',
  workspace: 'discover',
  busy: {},
  errors: [],
  async loadInfo() {
    const info = await ask(set, get, 'info', () => api.appInfo({}));
    if (info) set({ info, language: languageFromLocale(info.locale) });
  },
  setLanguage(language) {
    set({ language });
  },
  setWorkspace(workspace) {
    set({ workspace });
  },
  dismissError(index) {
    set((s) => ({ errors: s.errors.filter((_, i) => i !== index) }));
  },
  abandon(op) {
    set((s) => {
      const busy = { ...s.busy };
      delete busy[op];
      return { busy };
    });
    if (op === 'test') void api.cancelTest({}).catch(() => undefined);
    if (op === 'read') get().stopReads();
  },
});
