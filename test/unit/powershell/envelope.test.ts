import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnvelope } from '../../../electron/services/powershell/envelope';
import { PowerShellScriptError } from '../../../electron/services/powershell/errors';

function fails(fn: () => unknown): PowerShellScriptError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PowerShellScriptError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('parseEnvelope', () => {
  it('returns data from the marked line, ignoring noise and terminal sequences', () => {
    const out = 'WARNING: noise\n\u001b[?1hFERRY-JSON:{"ok":true,"data":{"a":[1]}}\n';
    expect(parseEnvelope(out)).toEqual({ a: [1] });
  });

  it('validates data with the schema', () => {
    const schema = z.object({ a: z.array(z.number()) });
    expect(parseEnvelope('FERRY-JSON:{"ok":true,"data":{"a":[2]}}', schema)).toEqual({ a: [2] });
    const e = fails(() => parseEnvelope('FERRY-JSON:{"ok":true,"data":{"a":"x"}}', schema, 'HV01'));
    expect(e.code).toBe('bad-output');
    expect(e.message).toContain('a');
    expect(e.target).toBe('HV01');
  });

  it('maps script errors to their codes; unknown codes become script-error', () => {
    const u = fails(() => parseEnvelope('FERRY-JSON:{"ok":false,"error":{"code":"unreachable","message":"m","target":"HV02"}}'));
    expect([u.code, u.target]).toEqual(['unreachable', 'HV02']);
    const x = fails(() => parseEnvelope('FERRY-JSON:{"ok":false,"error":{"code":"weird","message":"m"}}', undefined, 'HV03'));
    expect([x.code, x.target]).toEqual(['script-error', 'HV03']);
  });

  it('no result, malformed JSON and wrong shapes are bad-output', () => {
    expect(fails(() => parseEnvelope('')).code).toBe('bad-output');
    expect(fails(() => parseEnvelope('FERRY-JSON:{nope')).code).toBe('bad-output');
    expect(fails(() => parseEnvelope('FERRY-JSON:{"ok":"yes"}')).code).toBe('bad-output');
  });
});
