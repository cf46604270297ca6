/**
 * The append-only audit log: one JSON line per change Ferry made (or tried to make), with
 * time, user, run, plan, step, host, setting, before, after and result.
 *
 * Append-only by construction: the file is only ever opened with the `a` flag, one whole line
 * per write. Values are scrubbed of anything that looks like a credential before they are
 * written, so a future step type carrying one cannot leak it to disk.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AuditRecordSchema } from '../../core/contract/schemas';
import type { AuditRecord } from '../../core/model';

const SECRET_KEY = /pass(word)?|secret|credential|token|private.?key/i;

/** Deep copy of `value` with credential-looking object keys replaced by `[redacted]`. */
export function scrubSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubSecrets(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SECRET_KEY.test(k) ? '[redacted]' : scrubSecrets(v, depth + 1);
  }
  return out;
}

export interface AuditReadResult {
  readonly records: AuditRecord[];
  /** Lines that are not valid records (1-based line numbers); reported, never fatal. */
  readonly badLines: number[];
}

export interface AuditRun {
  readonly runId: string;
  readonly planId: string;
  readonly startedAt: string;
  readonly user: string;
  readonly records: AuditRecord[];
}

export class AuditLog {
  constructor(readonly file: string) {}

  async append(record: AuditRecord): Promise<void> {
    const clean = AuditRecordSchema.parse({
      ...record,
      before: scrubSecrets(record.before),
      after: scrubSecrets(record.after),
    });
    await mkdir(path.dirname(this.file), { recursive: true });
    await appendFile(this.file, JSON.stringify(clean) + '\n', { encoding: 'utf8', flag: 'a', mode: 0o600 });
  }

  async read(): Promise<AuditReadResult> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], badLines: [] };
      throw error;
    }
    const records: AuditRecord[] = [];
    const badLines: number[] = [];
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        const parsed = AuditRecordSchema.safeParse(JSON.parse(line));
        if (parsed.success) records.push(parsed.data);
        else badLines.push(i + 1);
      } catch {
        badLines.push(i + 1);
      }
    });
    return { records, badLines };
  }

  /** Records grouped by run, in the order runs first appear in the file. */
  async runs(): Promise<AuditRun[]> {
    return groupByRun((await this.read()).records);
  }
}

export function groupByRun(records: readonly AuditRecord[]): AuditRun[] {
  const runs = new Map<string, AuditRun>();
  for (const r of records) {
    const run = runs.get(r.runId);
    if (run) run.records.push(r);
    else runs.set(r.runId, { runId: r.runId, planId: r.planId, startedAt: r.time, user: r.user, records: [r] });
  }
  return [...runs.values()];
}
