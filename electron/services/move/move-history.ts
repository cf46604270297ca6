/**
 * The measured-vs-predicted history of moves: one JSON line per moved VM (core/move/history.ts
 * MoveTiming), appended, so the model's error over time can be read back (app: the settings
 * folder's move-history.jsonl; CLI: --history, default next to the audit log).
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { MoveTimingSchema } from '../../core/contract/schemas';
import type { MoveTiming } from '../../core/move';

export const MOVE_HISTORY_FILE = 'move-history.jsonl';

export class MoveHistory {
  constructor(readonly file: string) {}

  async append(t: MoveTiming): Promise<void> {
    const clean = MoveTimingSchema.parse(t);
    await mkdir(path.dirname(this.file), { recursive: true });
    await appendFile(this.file, JSON.stringify(clean) + '\n', { encoding: 'utf8', flag: 'a', mode: 0o600 });
  }

  /** Every valid line (bad lines are skipped: the history informs, it never blocks a move). */
  async read(): Promise<MoveTiming[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const out: MoveTiming[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const p = MoveTimingSchema.safeParse(JSON.parse(line));
        if (p.success) out.push(p.data);
      } catch {
        // skipped
      }
    }
    return out;
  }
}
