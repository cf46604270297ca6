/**
 * What the preflight rules read: everything gathered about one source → destination move.
 *
 * Gathering is the engine's job; the rules only look. Optional fields mean "could not be read"
 * (the directory may be unreachable, the operator's groups unreadable) and produce an
 * info/warn finding rather than a guess.
 */
import type { AuthenticationType, ComputerAccount, HostFacts } from '../model';

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
}

export interface PortCheck {
  /** Where the probe ran: a host name, or `WORKSTATION` for the machine running Ferry. */
  readonly from: string;
  readonly target: string;
  readonly port: number;
  readonly open: boolean;
}

/** `remote`: Ferry (or an admin console) starts Move-VM over WinRM; `source`: it runs on the source host. */
export type StartMode = 'remote' | 'source';

export interface OperatorFacts {
  readonly name: string;
  /** Group names (CN or sAMAccountName) the operator belongs to, as read from the directory. */
  readonly groups: readonly string[];
  /** userAccountControl NOT_DELEGATED ("sensitive and cannot be delegated"). */
  readonly notDelegated?: boolean;
}

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
  readonly portChecks: readonly PortCheck[];
  readonly startMode: StartMode;
  /** Moves in both directions are wanted: delegation is checked both ways. */
  readonly bothDirections?: boolean;
  /** Storage moves with the VM (shared-nothing): needs SMB 445 and cifs delegation. */
  readonly includeStorage?: boolean;
  readonly operator?: OperatorFacts;
  /** DNS domain of the directory (for FQDNs) and domains trusted by the hosts' domain. */
  readonly dnsDomain?: string;
  readonly trustedDomains?: readonly string[];
}

export const WORKSTATION = 'WORKSTATION';
export const PORT_LIVE_MIGRATION = 6600;
export const PORT_WINRM_HTTP = 5985;
export const PORT_WINRM_HTTPS = 5986;
export const PORT_SMB = 445;
