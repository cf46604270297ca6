/**
 * The Hyper-V PowerShell an admin would type for each host-settings change, and its inverse.
 *
 * Every value is quoted with `quotePs` (strings) or printed as a validated number/boolean.
 * `Set-VMMigrationNetwork` is used only to change the priority of an entry that exists; a new
 * network is always `Add-VMMigrationNetwork` (reference §8.2).
 */
import type { MigrationNetwork } from '../model';
import type { HostValueSetting } from '../settings/diff';
import { psBool, psInt, quotePs } from './ps-quote';

const PARAM: Readonly<Record<HostValueSetting | 'useAnyNetworkForMigration', string>> = {
  maximumVirtualMachineMigrations: 'MaximumVirtualMachineMigrations',
  maximumStorageMigrations: 'MaximumStorageMigrations',
  virtualMachineMigrationAuthenticationType: 'VirtualMachineMigrationAuthenticationType',
  virtualMachineMigrationPerformanceOption: 'VirtualMachineMigrationPerformanceOption',
  useAnyNetworkForMigration: 'UseAnyNetworkForMigration',
};

const on = (host: string) => `-ComputerName ${quotePs(host)}`;

export function migrationEnabledCommand(host: string, enabled: boolean): string {
  return `${enabled ? 'Enable' : 'Disable'}-VMMigration ${on(host)}`;
}

export function setHostCommand(
  host: string,
  setting: HostValueSetting | 'useAnyNetworkForMigration',
  value: string | number | boolean,
): string {
  const text =
    typeof value === 'boolean' ? psBool(value) : typeof value === 'number' ? psInt(value) : quotePs(value);
  return `Set-VMHost ${on(host)} -${PARAM[setting]} ${text}`;
}

export function addNetworkCommand(host: string, network: MigrationNetwork): string {
  return `Add-VMMigrationNetwork ${on(host)} -Subnet ${quotePs(network.subnet)} -Priority ${psInt(network.priority)}`;
}

export function removeNetworkCommand(host: string, subnet: string): string {
  return `Remove-VMMigrationNetwork ${on(host)} -Subnet ${quotePs(subnet)}`;
}

export function setNetworkPriorityCommand(host: string, subnet: string, priority: number): string {
  return `Set-VMMigrationNetwork ${on(host)} -Subnet ${quotePs(subnet)} -NewPriority ${psInt(priority)}`;
}
