/**
 * PlanStep is a union over its kind: the audit log's records are parsed back into it (unknown
 * settings and values of the wrong type refused, naming what is wrong), and every step's inverse
 * undoes it — the inverse of the inverse is the step again, commands included.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditRecordSchema, PlanStepSchema } from '../../../electron/core/contract/schemas';
import type { AuditRecord, DesiredSettings, HostMigrationSettings, PlanStep } from '../../../electron/core/model';
import { recordedStep } from '../../../electron/core/plan/inverse';
import { hostSteps } from '../../../electron/core/plan/host-steps';
import { inverseStep } from '../../../electron/core/plan/plan-step';
import { diffSettings } from '../../../electron/core/settings/diff';
import { planDelegation } from '../../../electron/core/delegation/plan';
import { fakeFacts } from '../../support/fake-ferry-api';
import { account } from '../preflight/fixtures';

const FIXTURE = path.join(__dirname, '../../support/fixtures/audit-log-2026-11.jsonl');
const fixture = (): AuditRecord[] =>
  fs.readFileSync(FIXTURE, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => AuditRecordSchema.parse(JSON.parse(l)));

const record = (setting: string, before: unknown, after: unknown): AuditRecord => ({
  time: '2026-12-03T00:00:00.000Z', user: 'CORP\\admin', runId: 'run-1', planId: 'plan-1', stepId: 's1', host: 'HV01', setting, before, after, result: 'done',
});

/** A host with migration off and two networks of its own, so a desired state needs every kind of host step. */
const current: HostMigrationSettings = { ...fakeFacts('HV01').settings!, virtualMachineMigrationEnabled: false, migrationNetworks: [{ subnet: '172.16.0.0/16', priority: 7 }, { subnet: '10.0.0.0/24', priority: 5 }] };

describe('audit records parsed back into plan steps', () => {
  it('reads every line of an old log as a step of the kind that wrote it', () => {
    const steps = fixture().map(recordedStep);
    expect(steps.map((s) => (typeof s === 'string' ? s : s.kind))).toEqual([
      'set-host', 'set-host', 'set-host', 'set-host', 'add-network', 'set-host', 'delegation-add', 'delegation-add', 'uac-set',
    ]);
    for (const s of steps) expect(PlanStepSchema.safeParse(s).success).toBe(true);
  });

  it('refuses a setting Ferry does not change, and values of the wrong type, naming them', () => {
    expect(recordedStep(record('vm.location', null, { vm: 'web01' }))).toBe('setting vm.location is not one Ferry changes');
    expect(recordedStep(record('maximumStorageMigrations', 2, 'three'))).toMatch(/^maximumStorageMigrations values are not those of a set-host step \(after: /);
    expect(recordedStep(record('virtualMachineMigrationAuthenticationType', 'CredSSP', 'NTLM'))).toMatch(/set-host step \(after: /);
    expect(recordedStep(record('msDS-AllowedToDelegateTo', 'cifs/HV02', 'cifs/HV03'))).toMatch(/delegation-remove step \(after: /);
    expect(recordedStep(record('migrationNetwork', null, { subnet: '10.0.0.0/33', priority: 1 }))).toBe('network values are not valid subnets with priorities');
  });
});

describe('inverseStep', () => {
  const desired: DesiredSettings = {
    virtualMachineMigrationEnabled: true, maximumVirtualMachineMigrations: 4, maximumStorageMigrations: 2,
    virtualMachineMigrationAuthenticationType: 'Kerberos', virtualMachineMigrationPerformanceOption: 'Compression',
    networks: [{ subnet: '10.0.0.0/24', priority: 1 }, { subnet: '192.168.0.0/24', priority: 2 }],
  };

  it('undoes every host step: the inverse runs the step\'s inverse command, and inverting twice gives the step back', () => {
    const steps = hostSteps('HV01', diffSettings(current, desired));
    expect(new Set(steps.map((s) => s.kind))).toEqual(new Set(['enable-migration', 'set-host', 'add-network', 'set-network', 'remove-network']));
    for (const step of steps) {
      const back = inverseStep(step, `rollback:${step.id}`);
      expect(back).toBeDefined();
      expect(back?.command).toBe(step.inverseCommand);
      expect(back?.inverseCommand).toBe(step.command);
      expect([back?.before, back?.after]).toEqual([step.after, step.before]);
      expect(PlanStepSchema.safeParse(back).success).toBe(true);
      expect(inverseStep(back as PlanStep, step.id)).toEqual(step);
    }
  });

  it('undoes delegation steps with their recorded LDIF; a klist purge has nothing to undo', () => {
    const { steps } = planDelegation([{ source: account('HV01', undefined, { userAccountControl: 0x1000 }), destination: account('HV02') }], { dnsDomain: 'corp.example', includeKlistPurge: true });
    const kinds = steps.map((s) => s.kind);
    expect(kinds).toContain('delegation-add');
    expect(kinds).toContain('uac-set');
    for (const step of steps) {
      const back = inverseStep(step, 'x');
      if (step.kind === 'klist-purge') {
        expect(back).toBeUndefined();
        continue;
      }
      expect(back?.kind).toBe(step.kind === 'delegation-add' ? 'delegation-remove' : 'uac-set');
      expect([back?.before, back?.after, back?.command]).toEqual([step.after, step.before, step.inverseCommand]);
    }
  });
});
