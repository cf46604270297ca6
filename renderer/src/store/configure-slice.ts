/** Configure + Plan: the desired settings (Recommended or adjusted) and the plan built from them. */
import type { DesiredSettings, HostMigrationSettings, Plan } from '../../../electron/core/model';
import { ask } from './ask';
import { factsFor } from './discovery-slice';
import { recommend, type Recommendation } from '../../../electron/core/settings/recommend';
import type { RowId } from './settings-rows';
import type { SliceFactory } from './types';

export interface DelegationChoice {
  readonly enabled: boolean;
  readonly bothDirections: boolean;
}

export interface ConfigureSlice {
  readonly desired: DesiredSettings | null;
  readonly delegation: DelegationChoice;
  readonly reasons: Recommendation['reasons'];
  readonly plan: Plan | null;
  /** Row a finding's fix jumped to; the Configure view scrolls to and focuses it. */
  readonly focusRow: RowId | null;
  applyRecommended(): void;
  /** Starts from the source host's current settings so nothing changes until the admin edits. */
  startFromCurrent(): void;
  setDesired(patch: Partial<DesiredSettings>): void;
  setDelegation(patch: Partial<DelegationChoice>): void;
  createPlan(): Promise<Plan | undefined>;
  exportPlan(): Promise<{ fileName: string; script: string } | undefined>;
  jumpToRow(row: RowId | null): void;
}

/** A host's current settings as the desired column (counts clamped to what Set-VMHost takes). */
export function desiredFromCurrent(cur: HostMigrationSettings): DesiredSettings {
  return {
    virtualMachineMigrationEnabled: cur.virtualMachineMigrationEnabled,
    maximumVirtualMachineMigrations: Math.min(64, Math.max(1, cur.maximumVirtualMachineMigrations)),
    maximumStorageMigrations: Math.min(64, Math.max(1, cur.maximumStorageMigrations)),
    virtualMachineMigrationAuthenticationType: cur.virtualMachineMigrationAuthenticationType,
    virtualMachineMigrationPerformanceOption: cur.virtualMachineMigrationPerformanceOption,
    networks: cur.useAnyNetworkForMigration || cur.migrationNetworks.length === 0 ? 'any' : [...cur.migrationNetworks],
  };
}

export const createConfigureSlice: SliceFactory<ConfigureSlice> = (api) => (set, get) => ({
  desired: null,
  delegation: { enabled: true, bothDirections: true },
  reasons: [],
  plan: null,
  focusRow: null,
  applyRecommended() {
    const s = get();
    const r = recommend(factsFor(s.facts, s.source), factsFor(s.facts, s.destination));
    set({ desired: r.desired, delegation: r.delegation, reasons: r.reasons, plan: null });
  },
  startFromCurrent() {
    const s = get();
    const cur = factsFor(s.facts, s.source)?.settings;
    if (!cur) return;
    set({ desired: desiredFromCurrent(cur), reasons: [], plan: null });
  },
  setDesired(patch) {
    const d = get().desired;
    if (d) set({ desired: { ...d, ...patch }, plan: null });
  },
  setDelegation(patch) {
    set((s) => ({ delegation: { ...s.delegation, ...patch }, plan: null }));
  },
  async createPlan() {
    const { source, destination, desired, delegation } = get();
    if (!source || !destination || !desired) return undefined;
    const plan = await ask(set, get, 'plan', () => api.createPlan({ source, destination, desired, delegation }));
    if (plan) set({ plan, apply: null, progress: {} });
    return plan;
  },
  async exportPlan() {
    const plan = get().plan;
    if (!plan) return undefined;
    return ask(set, get, 'export', () => api.exportPlan({ planId: plan.id }));
  },
  jumpToRow(row) {
    set(row ? { focusRow: row, workspace: 'configure' } : { focusRow: null });
  },
});
