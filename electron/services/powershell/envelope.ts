/**
 * Parses the one JSON document a script prints (`FERRY-JSON:{ ok, data | error }`) and turns
 * a failure into a PowerShellScriptError.
 */
import { z } from 'zod';
import { PowerShellScriptError, isPowerShellErrorCode } from './errors';

const MARKER = 'FERRY-JSON:';

const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), target: z.string().optional() }),
  }),
]);

/** Returns the script's `data`, validated by `schema` when one is given. */
export function parseEnvelope<T>(stdout: string, schema?: z.ZodType<T>, target?: string): T {
  // Consoles may prefix the line with terminal control sequences; the marker is what counts.
  const line = stdout
    .split(/\r?\n/)
    .reverse()
    .find((l) => l.includes(MARKER));
  if (line === undefined) {
    throw new PowerShellScriptError('bad-output', `The script printed no result${stdout.trim() ? `: ${stdout.trim().slice(0, 300)}` : ''}`, target);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(line.slice(line.indexOf(MARKER) + MARKER.length));
  } catch {
    throw new PowerShellScriptError('bad-output', 'The script printed malformed JSON.', target);
  }
  const env = EnvelopeSchema.safeParse(raw);
  if (!env.success) throw new PowerShellScriptError('bad-output', 'The script result has the wrong shape.', target);
  if (!env.data.ok) {
    const e = env.data.error;
    const code = isPowerShellErrorCode(e.code) ? e.code : 'script-error';
    throw new PowerShellScriptError(code, e.message, e.target ?? target);
  }
  if (!schema) return env.data.data as T;
  const parsed = schema.safeParse(env.data.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(result)';
    throw new PowerShellScriptError('bad-output', `The script result is invalid at ${where}: ${issue?.message ?? 'invalid'}`, target);
  }
  return parsed.data;
}
