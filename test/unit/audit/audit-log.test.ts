import { describe, it, expect } from 'vitest';
import { mkdtemp, readFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AuditLog, groupByRun, scrubSecrets } from '../../../electron/services/audit/audit-log';
import type { AuditRecord } from '../../../electron/core/model';

const record = (runId: string, stepId: string): AuditRecord => ({
  time: new Date().toISOString(),
  user: 'LAB\\admin',
  runId,
  planId: 'p1',
  stepId,
  host: 'HV01',
  setting: 'maximumVirtualMachineMigrations',
  before: 2,
  after: 4,
  result: 'done',
});

describe('AuditLog', () => {
  it('appends JSON lines and reads them back grouped by run', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ferry-audit-'));
    const log = new AuditLog(path.join(dir, 'sub', 'audit.jsonl'));
    await log.append(record('r1', 'a'));
    await log.append(record('r2', 'a'));
    await log.append(record('r1', 'b'));
    const text = await readFile(log.file, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(3);
    const runs = await log.runs();
    expect(runs.map((r) => [r.runId, r.records.map((x) => x.stepId)])).toEqual([
      ['r1', ['a', 'b']],
      ['r2', ['a']],
    ]);
  });

  it('reports bad lines without losing good ones', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ferry-audit-'));
    const log = new AuditLog(path.join(dir, 'audit.jsonl'));
    await log.append(record('r1', 'a'));
    await appendFile(log.file, 'not json\n{"time":1}\n');
    await log.append(record('r1', 'b'));
    const { records, badLines } = await log.read();
    expect(records.map((r) => r.stepId)).toEqual(['a', 'b']);
    expect(badLines).toEqual([2, 3]);
  });

  it('never writes a credential-looking value', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ferry-audit-'));
    const log = new AuditLog(path.join(dir, 'audit.jsonl'));
    await log.append({ ...record('r1', 'a'), before: { password: 'hunter2', nested: [{ clientSecret: 's3cr3t' }] }, after: null });
    const text = await readFile(log.file, 'utf8');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('s3cr3t');
    expect(scrubSecrets({ ok: 1, Credential: 'x' })).toEqual({ ok: 1, Credential: '[redacted]' });
  });

  it('a missing file reads as empty; groupByRun keeps first-seen order', async () => {
    expect(await new AuditLog('/nonexistent/ferry/audit.jsonl').read()).toEqual({ records: [], badLines: [] });
    expect(groupByRun([record('b', '1'), record('a', '1')]).map((r) => r.runId)).toEqual(['b', 'a']);
  });
});
