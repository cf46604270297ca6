/**
 * What the preflight rules read: everything gathered about one source → destination move.
 *
 * Gathering is the engine's job; the rules only look. Optional fields mean "could not be read"
 * (the directory may be unreachable, the operator's groups unreadable) and produce an
 * info/warn finding rather than a guess.
 */
import type { AuthenticationType, ComputerAccount, HostFacts, StorageTarget } from '../model';
import type { CompareVmNeed } from './compare-vm-needs';

/** One `Compare-VM` incompatibility (VMCompatibilityError: Message, MessageId, Source). */
export interface VmIncompatibility {
  readonly messageId: number;
  readonly message: string;
  /** The object the error is about, as text (e.g. the network adapter name). */
  readonly source: string;
}

/** `Compare-VM -Name <vm> -ComputerName <src> -DestinationHost <dst>` for one VM. */
export interface VmCompatibilityReport {
  readonly name: string;
  readonly incompatibilities: readonly VmIncompatibility[];
  /** Set when Compare-VM itself could not run (host down, access denied, VM missing). */
  readonly error?: string;
  /** The HRESULTs the error carried (`0x8009030E`…), language-neutral. */
  readonly errorCodes?: readonly string[];
  /** What the error says Hyper-V needs first (from `errorCodes` and the pair's facts). */
  readonly needs?: readonly CompareVmNeed[];
  /**
   * A planned VM of this VM on the destination: `left-before` (from an earlier move; Ferry leaves
   * it alone), `removed` (left by this Compare-VM and removed), `remove-failed`.
   */
  readonly plannedVm?: 'left-before' | 'removed' | 'remove-failed';
  /** The VM's Id, when the check resolved it (for the planned-VM command). */
  readonly vmId?: string;
}

/**
 * Why Compare-VM was not run for a pair: `not-requested` (a group test checks VMs with Hyper-V's
 * own validator only when asked, since it costs one remote call per VM and destination) or
 * `prerequisites` (Hyper-V would refuse it: `needs` lists what is missing first).
 */
export interface VmCheckSkip {
  readonly reason: 'not-requested' | 'prerequisites';
  readonly needs?: readonly CompareVmNeed[];
}

export interface PortCheck {
  /** Where the probe ran: a host name, or `WORKSTATION` for the machine running Ferry. */
  readonly from: string;
  readonly target: string;
  readonly port: number;
  readonly open: boolean;
  /** Not open and no answer at all within the probe's time (a firewall drops it), not refused. */
  readonly filtered?: boolean;
}

/** `remote`: Ferry (or an admin console) starts Move-VM over WinRM; `source`: it runs on the source host. */
export type StartMode = 'remote' | 'source';

/** A membership answer: `unknown` when it could not be read or may come through a nested domain group. */
export type Membership = 'yes' | 'no' | 'unknown';

/** The operator's local group memberships on one host (`get-operator-rights.ps1`). */
export interface OperatorHostRights {
  readonly computerName: string;
  /** Local Hyper-V Administrators (S-1-5-32-578). */
  readonly hyperVAdministrators: Membership;
  /** Local Administrators (S-1-5-32-544). */
  readonly administrators: Membership;
  /** Domain groups in those local groups the operator might reach through nesting (why a value is `unknown`). */
  readonly nestedGroups?: readonly string[];
  /** Set when the memberships could not be read at all (host down, access denied). */
  readonly error?: string;
}

/** Whether the directory account Ferry binds with may configure delegation (reference §4.3). */
export interface DelegationRights {
  readonly user: string;
  readonly canConfigure: boolean;
  /** The privileged groups that grant it (Domain Admins, Enterprise Admins, Administrators). */
  readonly via: readonly string[];
}

export interface OperatorFacts {
  readonly name: string;
  /** Group names (CN or sAMAccountName) the operator belongs to, as read from the directory. */
  readonly groups: readonly string[];
  /** userAccountControl NOT_DELEGATED ("sensitive and cannot be delegated"). */
  readonly notDelegated?: boolean;
  /** Local group memberships per host; absent when they were not read. */
  readonly hosts?: readonly OperatorHostRights[];
  /** The bound directory user's right to configure delegation; absent without a directory. */
  readonly delegationRights?: DelegationRights;
}

// ---- checks-kerberos (issue 14 item 1) ----
/**
 * Who holds one SPN of a host: the DNs of every directory object whose servicePrincipalName has
 * it (an LDAP count, `setspn -Q`'s question). More than one, or one that is not the host's own
 * account, makes Kerberos tickets for it unusable (0x80090322).
 */
export interface SpnHolding {
  /** The host the SPN names, as the test names it. */
  readonly host: string;
  readonly spn: string;
  readonly holders: readonly string[];
}
// ---- end checks-kerberos ----

export interface MigrationFacts {
  readonly source: HostFacts;
  readonly destination: HostFacts;
  /** Absent when the directory could not be read (or the account was not found). */
  readonly sourceAccount?: ComputerAccount;
  readonly destinationAccount?: ComputerAccount;
  /** Whether a directory was available at all (distinguishes "not found" from "not asked"). */
  readonly directoryAvailable: boolean;
  /** The authentication type the operator chose (what the hosts should be set to). */
  readonly authentication: AuthenticationType;
  /** Names of the VMs the operator asked about (reports may be missing for some). */
  readonly vmNames: readonly string[];
  readonly vmReports: readonly VmCompatibilityReport[];
  /** Set when Compare-VM was deliberately not run for this pair (the VM rules say why). */
  readonly vmChecksSkipped?: VmCheckSkip;
  readonly portChecks: readonly PortCheck[];
  readonly startMode: StartMode;
  /** Moves in both directions are wanted: delegation is checked both ways. */
  readonly bothDirections?: boolean;
  /** Storage moves with the VM (shared-nothing): needs SMB 445 and cifs delegation. */
  readonly includeStorage?: boolean;
  /** With storage: the destination folder the files go to and its volume (storage-rules.ts). */
  readonly destinationStorage?: StorageTarget;
  readonly operator?: OperatorFacts;
  /** DNS domain of the directory (for FQDNs) and domains trusted by the hosts' domain. */
  readonly dnsDomain?: string;
  readonly trustedDomains?: readonly string[];
  /** checks-kerberos: holders of the source's and destination's migration and cifs SPNs; absent = not read. */
  readonly spnHolders?: readonly SpnHolding[];
}

export const WORKSTATION = 'WORKSTATION';
export const PORT_LIVE_MIGRATION = 6600;
export const PORT_WINRM_HTTP = 5985;
export const PORT_WINRM_HTTPS = 5986;
export const PORT_SMB = 445;
