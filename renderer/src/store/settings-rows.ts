/**
 * The Configure grid: one row per setting with current source | current destination | desired,
 * whether they differ, and the risks of the desired value in words (i18n keys).
 */
import { entriesToward, requiredEntries } from '../../../electron/core/delegation/entries';
import { hasFlag, UF_TRUSTED_TO_AUTH_FOR_DELEGATION } from '../../../electron/core/delegation/uac';
import type { ComputerAccount, DesiredSettings, HostFacts, HostMigrationSettings } from '../../../electron/core/model';

export type RowId =
  | 'migrationEnabled'
  | 'maxLive'
  | 'maxStorage'
  | 'networks'
  | 'authentication'
  | 'performance'
  | 'delegationForward'
  | 'delegationReverse';

export const ROW_IDS: readonly RowId[] = [
  'migrationEnabled',
  'maxLive',
  'maxStorage',
  'networks',
  'authentication',
  'performance',
  'delegationForward',
  'delegationReverse',
];

/**
 * Stands in for a host whose computer account was not read: its name is the short name (the
 * planner needs the account itself, so the grid only shows what it would look for).
 */
function accountOrName(account: ComputerAccount | undefined, name: string): ComputerAccount {
  if (account !== undefined) return account;
  const short = name.toUpperCase();
  return { name: short, dn: '', samAccountName: `${short}$`, enabled: true, userAccountControl: 0, allowedToDelegateTo: [], servicePrincipalNames: [], hasHyperVScp: false };
}

/** The four SPNs `from` must be allowed to delegate to so a move to `to` works (core's rule and FQDN fallback). */
export function delegationEntries(to: ComputerAccount | undefined, toName: string, dnsDomain: string): string[] {
  return requiredEntries(accountOrName(to, toName), dnsDomain).entries;
}

interface DelegationView {
  readonly entries: readonly { readonly spn: string; readonly present: boolean }[];
  readonly anyProtocol: boolean | undefined;
}

export function delegationView(from: ComputerAccount | undefined, to: ComputerAccount | undefined, toName: string, dnsDomain = ''): DelegationView {
  return {
    entries: entriesToward(from, accountOrName(to, toName), dnsDomain),
    anyProtocol: from ? hasFlag(from.userAccountControl, UF_TRUSTED_TO_AUTH_FOR_DELEGATION) : undefined,
  };
}

/** A setting value shown in a cell: already a display string or an i18n key with values. */
export type Cell =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'delegation'; readonly view: DelegationView }
  | { readonly kind: 'unknown' };

interface SettingRow {
  readonly id: RowId;
  readonly source: Cell;
  readonly destination: Cell;
  readonly desired: Cell;
  /** Source or destination is not what is desired (or not equal to each other). */
  readonly differs: boolean;
  readonly risks: readonly string[];
}

function networksText(s: HostMigrationSettings): string {
  if (s.useAnyNetworkForMigration) return '*';
  return [...s.migrationNetworks]
    .sort((a, b) => a.priority - b.priority)
    .map((n) => `${n.subnet} (${n.priority})`)
    .join(', ');
}
function desiredNetworksText(d: DesiredSettings): string {
  return d.networks === 'any' ? '*' : d.networks.map((n) => `${n.subnet} (${n.priority})`).join(', ');
}

export function settingCell(s: HostMigrationSettings | undefined, id: RowId): Cell {
  if (!s) return { kind: 'unknown' };
  switch (id) {
    case 'migrationEnabled':
      return { kind: 'key', key: s.virtualMachineMigrationEnabled ? 'value.on' : 'value.off' };
    case 'maxLive':
      return { kind: 'text', text: String(s.maximumVirtualMachineMigrations) };
    case 'maxStorage':
      return { kind: 'text', text: String(s.maximumStorageMigrations) };
    case 'networks':
      return s.useAnyNetworkForMigration ? { kind: 'key', key: 'value.anyNetwork' } : { kind: 'text', text: networksText(s) };
    case 'authentication':
      return { kind: 'text', text: s.virtualMachineMigrationAuthenticationType };
    case 'performance':
      return { kind: 'text', text: s.virtualMachineMigrationPerformanceOption };
    default:
      return { kind: 'unknown' };
  }
}

export function desiredCell(d: DesiredSettings, delegationOn: boolean, both: boolean, id: RowId): Cell {
  switch (id) {
    case 'migrationEnabled':
      return { kind: 'key', key: d.virtualMachineMigrationEnabled ? 'value.on' : 'value.off' };
    case 'maxLive':
      return { kind: 'text', text: String(d.maximumVirtualMachineMigrations) };
    case 'maxStorage':
      return { kind: 'text', text: String(d.maximumStorageMigrations) };
    case 'networks':
      return d.networks === 'any' ? { kind: 'key', key: 'value.anyNetwork' } : { kind: 'text', text: desiredNetworksText(d) };
    case 'authentication':
      return { kind: 'text', text: d.virtualMachineMigrationAuthenticationType };
    case 'performance':
      return { kind: 'text', text: d.virtualMachineMigrationPerformanceOption };
    case 'delegationForward':
      return { kind: 'key', key: delegationOn ? 'value.delegationAll' : 'value.unchanged' };
    case 'delegationReverse':
      return { kind: 'key', key: delegationOn && both ? 'value.delegationAll' : 'value.unchanged' };
  }
}

export function sameSetting(s: HostMigrationSettings | undefined, d: DesiredSettings, id: RowId): boolean {
  if (!s) return false;
  switch (id) {
    case 'migrationEnabled':
      return s.virtualMachineMigrationEnabled === d.virtualMachineMigrationEnabled;
    case 'maxLive':
      return s.maximumVirtualMachineMigrations === d.maximumVirtualMachineMigrations;
    case 'maxStorage':
      return s.maximumStorageMigrations === d.maximumStorageMigrations;
    case 'networks':
      return d.networks === 'any' ? s.useAnyNetworkForMigration : !s.useAnyNetworkForMigration && networksText(s) === desiredNetworksText(d);
    case 'authentication':
      return s.virtualMachineMigrationAuthenticationType === d.virtualMachineMigrationAuthenticationType;
    case 'performance':
      return s.virtualMachineMigrationPerformanceOption === d.virtualMachineMigrationPerformanceOption;
    default:
      return true;
  }
}

/** Risks of the desired value, as i18n keys under `risk.`. */
export function risksFor(id: RowId, d: DesiredSettings, delegationOn: boolean, facts: readonly (HostFacts | undefined)[]): string[] {
  switch (id) {
    case 'migrationEnabled':
      return d.virtualMachineMigrationEnabled ? [] : ['risk.disabled'];
    case 'networks':
      return d.networks === 'any' ? ['risk.anyNetwork'] : [];
    case 'authentication':
      if (d.virtualMachineMigrationAuthenticationType === 'CredSSP') {
        const guard = facts.some((f) => f?.credentialGuardRunning === true);
        return guard ? ['risk.credssp', 'risk.credsspGuard'] : ['risk.credssp'];
      }
      return delegationOn ? [] : ['risk.kerberosNoDelegation'];
    case 'performance': {
      if (d.virtualMachineMigrationPerformanceOption !== 'SMB') return [];
      const rdma = facts.every((f) => (f?.links ?? []).some((l) => l.rdma));
      return rdma ? ['risk.smbUnencrypted'] : ['risk.smbNoRdma', 'risk.smbUnencrypted'];
    }
    case 'maxLive':
      return d.maximumVirtualMachineMigrations > 4 ? ['risk.manyMigrations'] : [];
    default:
      return [];
  }
}

export interface RowInput {
  readonly sourceName: string;
  readonly destinationName: string;
  readonly sourceFacts: HostFacts | undefined;
  readonly destinationFacts: HostFacts | undefined;
  readonly sourceAccount: ComputerAccount | undefined;
  readonly destinationAccount: ComputerAccount | undefined;
  readonly desired: DesiredSettings;
  readonly delegation: { readonly enabled: boolean; readonly bothDirections: boolean };
  /** The directory's DNS domain: the FQDN of an account without dNSHostName (as the planner). */
  readonly dnsDomain?: string;
}

export function settingRows(input: RowInput): SettingRow[] {
  const { desired: d, delegation } = input;
  const s = input.sourceFacts?.settings;
  const t = input.destinationFacts?.settings;
  const facts = [input.sourceFacts, input.destinationFacts];
  return ROW_IDS.map((id): SettingRow => {
    if (id === 'delegationForward' || id === 'delegationReverse') {
      const forward = id === 'delegationForward';
      // Each direction is written on the account of the host the move starts from.
      const fwd = delegationView(input.sourceAccount, input.destinationAccount, input.destinationName, input.dnsDomain);
      const rev = delegationView(input.destinationAccount, input.sourceAccount, input.sourceName, input.dnsDomain);
      const view = forward ? fwd : rev;
      const wanted = delegation.enabled && (forward || delegation.bothDirections);
      const complete = view.entries.every((e) => e.present);
      return {
        id,
        source: forward ? { kind: 'delegation', view: fwd } : { kind: 'key', key: 'value.notApplicable' },
        destination: forward ? { kind: 'key', key: 'value.notApplicable' } : { kind: 'delegation', view: rev },
        desired: desiredCell(d, delegation.enabled, delegation.bothDirections, id),
        differs: wanted && !complete,
        risks: view.anyProtocol ? ['risk.anyProtocol'] : [],
      };
    }
    return {
      id,
      source: settingCell(s, id),
      destination: settingCell(t, id),
      desired: desiredCell(d, delegation.enabled, delegation.bothDirections, id),
      differs: !sameSetting(s, d, id) || !sameSetting(t, d, id),
      risks: risksFor(id, d, delegation.enabled, facts),
    };
  });
}

/** Maps a finding's or plan step's `setting` name to the Configure row it belongs to. */
export function rowForSetting(setting: string | undefined): RowId | null {
  if (!setting) return null;
  const s = setting.toLowerCase();
  // Preflight names the direction: 'delegation:forward' / 'delegation:reverse' (plain 'delegation' is forward).
  if (s === 'delegation:reverse') return 'delegationReverse';
  if (s === 'delegation:forward') return 'delegationForward';
  if (s.includes('delegat') || s.includes('useraccountcontrol') || s.includes('uac') || s.includes('spn')) {
    return s.includes('reverse') ? 'delegationReverse' : 'delegationForward';
  }
  if (s.includes('storage')) return 'maxStorage';
  if (s.includes('maximumvirtualmachinemigrations') || s.includes('simultaneous') || s === 'maxlive') return 'maxLive';
  if (s.includes('network')) return 'networks';
  if (s.includes('authentication') || s.includes('credssp') || s.includes('kerberos')) return 'authentication';
  if (s.includes('performance')) return 'performance';
  if (s.includes('migrationenabled') || s.includes('enable')) return 'migrationEnabled';
  return null;
}
