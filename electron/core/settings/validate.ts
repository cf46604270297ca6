/**
 * Checks on desired settings beyond their schema: subnets must parse, carry no host bits and
 * appear once. Every message names its field (dotted path), so CLI and UI can point at it.
 */
import type { DesiredSettings, MigrationNetwork } from '../model';
import { validateSubnetInput } from './subnet';

export interface ValidationIssue {
  readonly field: string;
  /** English, naming the field (CLI, logs). */
  readonly message: string;
  /** The same as an i18n key (`validation.*`, `subnet.*`) + params, which the window says. */
  readonly messageKey: string;
  readonly params: Readonly<Record<string, string | number>>;
}

const issue = (field: string, message: string, key: string, params: Readonly<Record<string, string | number>> = {}): ValidationIssue =>
  ({ field, message: `${field}: ${message}`, messageKey: key, params: { field, ...params } });

const AUTH = new Set(['CredSSP', 'Kerberos']);
const PERF = new Set(['TCPIP', 'Compression', 'SMB']);
const MAX_PRIORITY = 0xffffffff;

function checkCount(field: string, value: unknown, issues: ValidationIssue[]): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 64) {
    issues.push(issue(field, 'must be a whole number from 1 to 64', 'validation.count', { min: 1, max: 64 }));
  }
}

function validateNetworks(networks: readonly MigrationNetwork[], fieldPrefix = 'networks'): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Map<string, number>();
  networks.forEach((network, i) => {
    const field = `${fieldPrefix}.${i}.subnet`;
    const checked = validateSubnetInput(network.subnet);
    if ('message' in checked) {
      issues.push(issue(field, checked.message, `subnet.${checked.code}`, { subnet: network.subnet, ...checked.params }));
    } else {
      const first = seen.get(checked.canonical);
      if (first !== undefined) {
        issues.push(issue(field, `${checked.canonical} is already listed as ${fieldPrefix}.${first}`, 'validation.duplicate-subnet', { subnet: checked.canonical, first: `${fieldPrefix}.${first}` }));
      } else {
        seen.set(checked.canonical, i);
      }
    }
    const p = network.priority;
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > MAX_PRIORITY) {
      const pf = `${fieldPrefix}.${i}.priority`;
      issues.push(issue(pf, `must be a whole number from 0 to ${MAX_PRIORITY}`, 'validation.priority', { max: MAX_PRIORITY }));
    }
  });
  return issues;
}

/** Every problem with `desired`; empty when it is safe to plan with. */
export function validateDesired(desired: DesiredSettings, fieldPrefix = ''): ValidationIssue[] {
  const f = (name: string) => (fieldPrefix ? `${fieldPrefix}.${name}` : name);
  const issues: ValidationIssue[] = [];
  if (typeof desired.virtualMachineMigrationEnabled !== 'boolean') {
    issues.push(issue(f('virtualMachineMigrationEnabled'), 'must be true or false', 'validation.boolean'));
  }
  checkCount(f('maximumVirtualMachineMigrations'), desired.maximumVirtualMachineMigrations, issues);
  checkCount(f('maximumStorageMigrations'), desired.maximumStorageMigrations, issues);
  if (!AUTH.has(desired.virtualMachineMigrationAuthenticationType)) {
    const field = f('virtualMachineMigrationAuthenticationType');
    issues.push(issue(field, 'must be Kerberos or CredSSP', 'validation.authentication'));
  }
  if (!PERF.has(desired.virtualMachineMigrationPerformanceOption)) {
    const field = f('virtualMachineMigrationPerformanceOption');
    issues.push(issue(field, 'must be TCPIP, Compression or SMB', 'validation.performance'));
  }
  if (desired.networks !== 'any') {
    if (!Array.isArray(desired.networks) || desired.networks.length === 0) {
      issues.push(issue(f('networks'), "give at least one subnet, or 'any'", 'validation.networks'));
    } else {
      issues.push(...validateNetworks(desired.networks, f('networks')));
    }
  }
  return issues;
}

/** Replaces each subnet with its canonical spelling (call after `validateDesired` is empty). */
export function canonicalizeDesired(desired: DesiredSettings): DesiredSettings {
  if (desired.networks === 'any') return desired;
  return {
    ...desired,
    networks: desired.networks.map((n) => {
      const checked = validateSubnetInput(n.subnet);
      return 'canonical' in checked ? { subnet: checked.canonical, priority: n.priority } : n;
    }),
  };
}
