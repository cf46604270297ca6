/**
 * Where a move can start. Kerberos (with constrained delegation and protocol transition) lets
 * Ferry start Move-VM from this workstation. CredSSP does not: the source's VMMS can only use the
 * credentials of an admin signed in on the source itself, so a move started elsewhere fails with
 * "No credentials are available in the security package (0x8009030E)" (reference §6.1, field
 * notes P1). Instead of failing, Ferry gives the exact command to run on the source.
 */
import type { AuthenticationType } from '../model';
import { quotePs } from '../plan/ps-quote';
import type { StartMode } from '../preflight/facts';

export interface MoveSpec {
  readonly source: string;
  readonly destination: string;
  readonly vm: string;
  readonly includeStorage: boolean;
  readonly destinationStoragePath?: string;
}

export type MoveStart =
  | { readonly where: 'here' }
  | { readonly where: 'on-source'; readonly reason: 'credssp'; readonly host: string; readonly command: string };

/** Move-VM's -Name is a wildcard: [ ] * ? and the backtick are escaped so the name matches only itself. */
export function escapeWildcard(name: string): string {
  return name.replace(/[`[\]*?]/g, (c) => '`' + c);
}

/** The Move-VM command an admin runs in PowerShell on the source host (as administrator). */
export function moveCommand(spec: MoveSpec): string {
  const parts = ['Move-VM', '-Name', quotePs(escapeWildcard(spec.vm)), '-DestinationHost', quotePs(spec.destination)];
  if (spec.includeStorage) {
    parts.push('-IncludeStorage');
    if (spec.destinationStoragePath !== undefined && spec.destinationStoragePath !== '') parts.push('-DestinationStoragePath', quotePs(spec.destinationStoragePath));
  }
  return parts.join(' ');
}

export function moveStart(spec: MoveSpec, sourceAuth: AuthenticationType | undefined, startMode: StartMode = 'remote'): MoveStart {
  if (sourceAuth === 'CredSSP' && startMode === 'remote') {
    return { where: 'on-source', reason: 'credssp', host: spec.source, command: moveCommand(spec) };
  }
  return { where: 'here' };
}
