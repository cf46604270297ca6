/**
 * Audit records a rollback cannot restore are reported as plan warnings with a code + params
 * (and a reason), like every other plan warning: the window says them in English and German
 * (planWarning.audit-*), the CLI prints the English message, unchanged.
 */
import { describe, expect, it } from 'vitest';
import type { AuditRecord, PlanWarning } from '../../../electron/core/model';
import { rollbackSteps } from '../../../electron/core/plan/inverse';
import { planWarningKey } from '../../../renderer/src/app/plan-warning-text';
import { de } from '../../../renderer/src/i18n/de';
import { en } from '../../../renderer/src/i18n/en';

const rec = (stepId: string, setting: string, before: unknown, after: unknown, host = 'HV01'): AuditRecord => ({
  time: '2025-01-01T00:00:00.000Z', user: 'admin', runId: 'run-1', planId: 'plan-1', stepId, host, setting, before, after, result: 'done',
});

const lookup = (resources: object, key: string): unknown => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], resources);
const keyOf = planWarningKey;
const say = (resources: object, w: PlanWarning) =>
  String(lookup(resources, keyOf(w)) ?? `(no text for ${keyOf(w)})`).replace(/\{\{(\w+)\}\}/g, (_, n: string) => String(w.params?.[n] ?? `{{${n}}}`));

describe('rollback warnings', () => {
  // Newest first, so the last record is the first warning.
  const { warnings } = rollbackSteps([
    rec('s4', 'migrationNetwork', null, { subnet: '10.0.0.0/33', priority: 1 }),
    rec('s3', 'maximumStorageMigrations', 2, 'three'),
    rec('s2', 'vm.location', null, { vm: 'web01' }),
    rec('s1', 'maximumStorageMigrations', 2, 3, 'HV01\u2019; calc'),
  ]);

  it('keep the English message the CLI prints', () => {
    expect(warnings.map((w) => [w.code, w.target, w.message])).toEqual([
      ['audit-invalid-host', undefined, "Audit record s1: host name refused: 'HV01\u2019; calc' is not a valid host name label: use letters, digits and inner hyphens only"],
      ['audit-unrestorable', 'HV01', 'Audit record s2: setting vm.location is not one Ferry changes; not restored.'],
      ['audit-unrestorable', 'HV01', expect.stringMatching(/^Audit record s3: maximumStorageMigrations values are not those of a set-host step \(after: .*\); not restored\.$/)],
      ['audit-unrestorable', 'HV01', 'Audit record s4: network values are not valid subnets with priorities; not restored.'],
    ]);
  });

  it('each has a code, its reason and params, and a text in en and de with every placeholder filled', () => {
    expect(warnings.map(keyOf)).toEqual([
      'planWarning.audit-invalid-host',
      'planWarning.audit-unrestorable.unknown-setting',
      'planWarning.audit-unrestorable.wrong-values',
      'planWarning.audit-unrestorable.bad-subnet',
    ]);
    for (const w of warnings) {
      expect(w.params?.stepId, w.message).toBeDefined();
      for (const resources of [en, de]) expect(say(resources, w), `${keyOf(w)}`).not.toMatch(/\{\{|\(no text/);
    }
    expect(say(de, warnings[1]!)).toBe('Eintrag s2 des Überwachungsprotokolls ändert vm.location, das Ferry nicht ändert; er wird nicht wiederhergestellt.');
    expect(say(de, warnings[0]!)).toContain('HV01\u2019; calc');
  });
});
