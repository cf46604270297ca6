/**
 * The desired settings most request-level tests send: migration on, Hyper-V's default limits,
 * Kerberos, Compression. Tests that are about the settings themselves spell theirs out.
 */
import type { DesiredSettings } from '../../electron/core/model';

export function kerberosDesired(networks: DesiredSettings['networks']): DesiredSettings {
  return {
    virtualMachineMigrationEnabled: true,
    maximumVirtualMachineMigrations: 2,
    maximumStorageMigrations: 2,
    virtualMachineMigrationAuthenticationType: 'Kerberos',
    virtualMachineMigrationPerformanceOption: 'Compression',
    networks,
  };
}
