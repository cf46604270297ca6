import { describe, it, expect } from 'vitest';
import type { ComputerAccount } from '../../../electron/core/model';
import { PlanStepSchema } from '../../../electron/core/contract/schemas';
import {
  UF_TRUSTED_FOR_DELEGATION,
  UF_TRUSTED_TO_AUTH_FOR_DELEGATION,
  delegationState,
  meshPairs,
  pairsFor,
  planDelegation,
  planDelegationRemoval,
  requiredEntries,
} from '../../../electron/core/delegation';

const D = 'lab.example';
function account(name: string, extra: Partial<ComputerAccount> = {}): ComputerAccount {
  return {
    name,
    dn: `CN=${name},CN=Computers,DC=lab,DC=example`,
    dnsHostName: `${name.toLowerCase()}.${D}`,
    samAccountName: `${name}$`,
    enabled: true,
    userAccountControl: 0x1000,
    allowedToDelegateTo: [],
    servicePrincipalNames: [`Microsoft Virtual System Migration Service/${name}`],
    hasHyperVScp: true,
    ...extra,
  };
}

/** Applies a plan to in-memory accounts the way the directory would. */
function applyTo(accounts: ComputerAccount[], steps: ReturnType<typeof planDelegation>['steps']): ComputerAccount[] {
  return accounts.map((a) => {
    let values = [...a.allowedToDelegateTo];
    let uac = a.userAccountControl;
    for (const s of steps.filter((x) => x.target === a.name)) {
      if (s.kind === 'delegation-add') values.push(String(s.after));
      if (s.kind === 'delegation-remove') values = values.filter((v) => v !== s.before);
      if (s.kind === 'uac-set') uac = Number(s.after);
    }
    return { ...a, allowedToDelegateTo: values, userAccountControl: uac };
  });
}

describe('requiredEntries', () => {
  it('names cifs and the migration service, short and FQDN', () => {
    expect(requiredEntries(account('HV02'), D).entries).toEqual([
      'cifs/HV02',
      'cifs/hv02.lab.example',
      'Microsoft Virtual System Migration Service/HV02',
      'Microsoft Virtual System Migration Service/hv02.lab.example',
    ]);
  });
  it('falls back to name + domain with a warning when dNSHostName is empty', () => {
    const r = requiredEntries(account('HV02', { dnsHostName: undefined }), D);
    expect(r.entries[1]).toBe('cifs/hv02.lab.example');
    expect(r.warnings[0]?.code).toBe('no-dns-host-name');
  });
});

describe('planDelegation', () => {
  it('plans four adds and the UAC flag per direction, as valid plan steps', () => {
    const [a, b] = [account('HV01'), account('HV02')];
    const plan = planDelegation(pairsFor(a, b), { dnsDomain: D, includeKlistPurge: true });
    const ldap = plan.steps.filter((s) => s.channel === 'ldap');
    expect(ldap.filter((s) => s.kind === 'delegation-add')).toHaveLength(8);
    const uac = ldap.filter((s) => s.kind === 'uac-set');
    expect(uac.map((s) => [s.target, s.before, s.after])).toEqual([
      ['HV01', 0x1000, 0x1001000],
      ['HV02', 0x1000, 0x1001000],
    ]);
    const purge = plan.steps.filter((s) => s.kind === 'klist-purge');
    expect(purge.map((s) => [s.target, s.optional, s.channel, s.command])).toEqual([
      ['HV01', true, 'powershell', 'klist purge -li 0x3e7'],
      ['HV02', true, 'powershell', 'klist purge -li 0x3e7'],
    ]);
    for (const s of plan.steps) expect(PlanStepSchema.safeParse(s).success).toBe(true);
    expect(new Set(plan.steps.map((s) => s.id)).size).toBe(plan.steps.length);
    expect(ldap[0]?.command).toContain('add: msDS-AllowedToDelegateTo\nmsDS-AllowedToDelegateTo: cifs/HV02');
    expect(ldap[0]?.inverseCommand).toContain('delete: msDS-AllowedToDelegateTo');
    expect(uac[0]?.command).toContain('delete: userAccountControl\nuserAccountControl: 4096\n-\nadd: userAccountControl\nuserAccountControl: 16781312');
    expect(plan.warnings).toEqual([]);
  });
  it('one-way plans only the source', () => {
    const plan = planDelegation(pairsFor(account('HV01'), account('HV02'), false), { dnsDomain: D });
    expect(new Set(plan.steps.map((s) => s.target))).toEqual(new Set(['HV01']));
  });
  it('re-applying yields no steps, whatever the letter case held', () => {
    const accounts = [account('HV01'), account('HV02')];
    const plan = planDelegation(pairsFor(accounts[0]!, accounts[1]!), { dnsDomain: D, includeKlistPurge: true });
    const after = applyTo(accounts, plan.steps);
    expect(planDelegation(pairsFor(after[0]!, after[1]!), { dnsDomain: D, includeKlistPurge: true }).steps).toEqual([]);
    const upper = after.map((a) => ({ ...a, allowedToDelegateTo: a.allowedToDelegateTo.map((v) => v.toUpperCase()) }));
    expect(planDelegation(pairsFor(upper[0]!, upper[1]!), { dnsDomain: D }).steps).toEqual([]);
  });
  it('builds a full mesh for N hosts', () => {
    const hosts = ['HV01', 'HV02', 'HV03', 'HV04'].map((n) => account(n));
    const plan = planDelegation(meshPairs(hosts), { dnsDomain: D });
    expect(plan.steps.filter((s) => s.kind === 'delegation-add')).toHaveLength(4 * 3 * 4);
    expect(plan.steps.filter((s) => s.kind === 'uac-set')).toHaveLength(4);
  });
  it('warns about unconstrained delegation and never touches that bit', () => {
    const a = account('HV01', { userAccountControl: 0x1000 | UF_TRUSTED_FOR_DELEGATION });
    const plan = planDelegation(pairsFor(a, account('HV02'), false), { dnsDomain: D });
    expect(plan.warnings.map((w) => w.code)).toContain('unconstrained-delegation');
    const uac = plan.steps.find((s) => s.kind === 'uac-set')!;
    expect(Number(uac.after) & UF_TRUSTED_FOR_DELEGATION).toBe(UF_TRUSTED_FOR_DELEGATION);
    expect(Number(uac.after) & UF_TRUSTED_TO_AUTH_FOR_DELEGATION).toBe(UF_TRUSTED_TO_AUTH_FOR_DELEGATION);
  });
  it('warns when the destination has no migration SPN', () => {
    const plan = planDelegation(pairsFor(account('HV01'), account('HV02', { servicePrincipalNames: [] }), false), { dnsDomain: D });
    expect(plan.warnings.map((w) => w.code)).toEqual(['missing-spn']);
  });
  it('keeps UAC arithmetic unsigned for high bits', () => {
    const a = account('HV01', { userAccountControl: 0x80001000 });
    const uac = planDelegation(pairsFor(a, account('HV02'), false), { dnsDomain: D }).steps.find((s) => s.kind === 'uac-set')!;
    expect(uac.after).toBe(0x81001000);
  });
});

describe('planDelegationRemoval', () => {
  const unrelated = 'cifs/fileserver.lab.example';
  it('removes only Ferry entries and keeps the flag while another entry is left', () => {
    const a = account('HV01', {
      userAccountControl: 0x1001000,
      allowedToDelegateTo: [unrelated, ...requiredEntries(account('HV02'), D).entries.map((e) => e.toUpperCase())],
    });
    const plan = planDelegationRemoval(pairsFor(a, account('HV02'), false), { dnsDomain: D, ferrySetFlag: () => true });
    expect(plan.steps.map((s) => s.kind)).toEqual(['delegation-remove', 'delegation-remove', 'delegation-remove', 'delegation-remove']);
    expect(plan.steps[0]?.before).toBe('CIFS/HV02');
    expect(plan.warnings.map((w) => w.code)).toEqual(['flag-kept']);
  });
  it('clears the flag only when nothing is left and Ferry set it', () => {
    const a = account('HV01', { userAccountControl: 0x1001000, allowedToDelegateTo: requiredEntries(account('HV02'), D).entries });
    const mine = planDelegationRemoval(pairsFor(a, account('HV02'), false), { dnsDomain: D, ferrySetFlag: () => true });
    expect(mine.steps.at(-1)).toMatchObject({ kind: 'uac-set', before: 0x1001000, after: 0x1000 });
    const theirs = planDelegationRemoval(pairsFor(a, account('HV02'), false), { dnsDomain: D, ferrySetFlag: () => false });
    expect(theirs.steps.some((s) => s.kind === 'uac-set')).toBe(false);
  });
  it('is empty when there is nothing to remove', () => {
    expect(planDelegationRemoval(pairsFor(account('HV01'), account('HV02')), { dnsDomain: D, ferrySetFlag: () => true }).steps).toEqual([]);
  });
});

describe('delegationState', () => {
  it('reports none, partial and complete', () => {
    const b = account('HV02');
    const all = requiredEntries(b, D).entries;
    expect(delegationState(account('HV01'), [b], D)).toBe('none');
    expect(delegationState(account('HV01', { allowedToDelegateTo: all.slice(0, 2) }), [b], D)).toBe('partial');
    expect(delegationState(account('HV01', { allowedToDelegateTo: all }), [b], D)).toBe('partial');
    expect(delegationState(account('HV01', { allowedToDelegateTo: all, userAccountControl: 0x1001000 }), [b], D)).toBe('complete');
  });
});
