import { describe, it, expect } from 'vitest';
import { FINDING_TEXTS, localizeFinding, runPreflight, type OperatorFacts, type OperatorHostRights } from '../../../electron/core/preflight';
import { operatorRules } from '../../../electron/core/preflight/operator-rules';
import type { Finding } from '../../../electron/core/model';
import { FindingSchema } from '../../../electron/core/contract/schemas';
import { readyFacts } from './fixtures';

const rights = (computerName: string, over: Partial<OperatorHostRights> = {}): OperatorHostRights => ({
  computerName, hyperVAdministrators: 'yes', administrators: 'no', ...over,
});
const op = (over: Partial<OperatorFacts> = {}): OperatorFacts => ({ name: 'LAB\\alice', groups: [], hosts: [rights('HV01'), rights('HV02')], ...over });
const run = (o: OperatorFacts, auth: 'Kerberos' | 'CredSSP' = 'Kerberos') => operatorRules(readyFacts({ operator: o, authentication: auth }));
const get = (fs: Finding[], id: string) => {
  const f = fs.find((x) => x.id === id);
  if (!f) throw new Error(`no finding ${id} in ${fs.map((x) => x.id).join(', ')}`);
  return f;
};

describe('operator rule: local groups per host', () => {
  it('passes on both hosts when the operator is in Hyper-V Administrators or Administrators', () => {
    const found = run(op({ hosts: [rights('hv01.lab.example'), rights('HV02', { hyperVAdministrators: 'no', administrators: 'yes' })] }));
    const src = get(found, 'identity.operator-local.source');
    const dst = get(found, 'identity.operator-local.destination');
    expect([src.severity, dst.severity]).toEqual(['pass', 'pass']);
    expect(src.evidence).toMatchObject({ host: 'HV01', hyperVAdministrators: 'yes', administrators: 'no' });
    expect(dst.evidence).toMatchObject({ host: 'HV02', hyperVAdministrators: 'no', administrators: 'yes' });
    // Local rights replace the directory-name guess.
    expect(found.some((f) => f.id === 'identity.operator-groups')).toBe(false);
  });

  it('fails a host where the operator is in neither group, with an Add-LocalGroupMember -SID fix for that host', () => {
    const found = run(op({ hosts: [rights('HV01'), rights('HV02', { hyperVAdministrators: 'no', administrators: 'no' })] }));
    expect(get(found, 'identity.operator-local.source').severity).toBe('pass');
    const dst = get(found, 'identity.operator-local.destination');
    expect(dst.severity).toBe('fail');
    expect(dst.fix.kind).toBe('command');
    expect(dst.fix.command).toBe("Invoke-Command -ComputerName 'HV02' -ScriptBlock { Add-LocalGroupMember -SID 'S-1-5-32-578' -Member 'LAB\\alice' }");
  });

  it('quotes a hostile operator name in the fix command', () => {
    const found = run(op({ name: "o'brien; rm", hosts: [rights('HV01', { hyperVAdministrators: 'no', administrators: 'no' })] }));
    expect(get(found, 'identity.operator-local.source').fix.command).toContain("-Member 'o''brien; rm' }");
  });

  it('is unknown (info) when only nested domain groups could grant it, and names them', () => {
    const nested = rights('HV01', { hyperVAdministrators: 'no', administrators: 'unknown', nestedGroups: ['LAB\\Domain Admins'] });
    const f = get(run(op({ hosts: [nested] })), 'identity.operator-local.source');
    expect(f.severity).toBe('info');
    expect(f.params?.variant).toBe('unknown');
    expect(f.evidence.nestedGroups).toBe('LAB\\Domain Admins');
    expect(f.fix.command).toContain("Add-LocalGroupMember -SID 'S-1-5-32-578'");
  });

  it('confirms a nested membership only when the directory shows the operator directly in that domain group', () => {
    const nested = rights('HV01', { hyperVAdministrators: 'no', administrators: 'unknown', nestedGroups: ['LAB\\Domain Admins'] });
    const f = get(run(op({ groups: ['Domain Admins'], hosts: [nested] })), 'identity.operator-local.source');
    expect(f.severity).toBe('pass');
    expect(f.evidence.via).toBe('LAB\\Domain Admins');
    expect(get(run(op({ groups: ['Domain Users'], hosts: [nested] })), 'identity.operator-local.source').severity).toBe('info');
  });

  it('reports an unreadable host as info with the error, and skips hosts that were not asked', () => {
    const found = run(op({ hosts: [rights('HV01', { hyperVAdministrators: 'unknown', administrators: 'unknown', error: 'Access is denied' })] }));
    const src = get(found, 'identity.operator-local.source');
    expect(src.severity).toBe('info');
    expect(src.params?.variant).toBe('unreadable');
    expect(src.evidence.error).toBe('Access is denied');
    expect(found.some((f) => f.id === 'identity.operator-local.destination')).toBe(false);
  });

  it('keeps the directory-name hint when no host was read', () => {
    const f = get(run({ name: 'bob', groups: ['Domain Admins'] }), 'identity.operator-groups');
    expect(f.severity).toBe('pass');
  });
});

describe('operator rule: delegation rights of the bound user', () => {
  it('is info when the bound user is a Domain Admin, warn when not (Kerberos), info when CredSSP needs none', () => {
    const yes = get(run(op({ delegationRights: { user: 'admin@lab.example', canConfigure: true, via: ['Domain Admins'] } })), 'identity.operator-delegation-rights');
    expect(yes.severity).toBe('info');
    expect(yes.title).toContain('Domain Admins');
    const no = { user: 'helpdesk@lab.example', canConfigure: false, via: [] };
    const warn = get(run(op({ delegationRights: no })), 'identity.operator-delegation-rights');
    expect(warn.severity).toBe('warn');
    expect(warn.fix.text).toMatch(/insufficient rights/);
    expect(get(run(op({ delegationRights: no }), 'CredSSP'), 'identity.operator-delegation-rights').severity).toBe('info');
    expect(run(op()).some((f) => f.id === 'identity.operator-delegation-rights')).toBe(false);
  });
});

describe('operator rule: contract and wording', () => {
  it('every variant fits the contract and has English and German text with all values', () => {
    const facts = [
      op(),
      op({ hosts: [rights('HV01', { hyperVAdministrators: 'no', administrators: 'no' }), rights('HV02', { hyperVAdministrators: 'no', administrators: 'unknown', nestedGroups: ['LAB\\G'] })] }),
      op({ hosts: [rights('HV01', { hyperVAdministrators: 'unknown', administrators: 'unknown', error: 'x' })], delegationRights: { user: 'u', canConfigure: false, via: [] } }),
      op({ delegationRights: { user: 'u', canConfigure: true, via: ['Domain Admins', 'Administrators'] } }),
    ];
    const findings = [...facts.flatMap((o) => runPreflight(readyFacts({ operator: o }))), ...run(op({ delegationRights: { user: 'u', canConfigure: false, via: [] } }), 'CredSSP')]
      .filter((f) => f.id.startsWith('identity.operator'));
    expect(new Set(findings.map((f) => `${f.id}/${f.params?.variant ?? f.severity}`)).size).toBeGreaterThanOrEqual(8);
    for (const f of findings) {
      expect(FindingSchema.safeParse(f).success).toBe(true);
      for (const locale of ['en', 'de'] as const) {
        const text = localizeFinding(FINDING_TEXTS[locale], f);
        expect(text.localized, `${locale}:${f.id}`).toBe(true);
        expect(text.title + text.fixText).not.toMatch(/\{\{|\}\}/);
      }
      expect(localizeFinding(FINDING_TEXTS.en, f).title).toBe(f.title);
    }
  });
});
