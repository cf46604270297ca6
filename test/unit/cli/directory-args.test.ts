/**
 * The CLI's one parser and one bad-input error: the directory flags (cli/directory-args.ts) are
 * parsed by cli/args.ts like every other flag, and every refusal is an ArgError naming the flag,
 * raised before any prompt or socket.
 */
import { describe, expect, it } from 'vitest';
import { ArgError, hostArg, parseArgs } from '../../../electron/cli/args';
import { DIRECTORY_SPEC, directoryFromArgs, namesRealDirectory } from '../../../electron/cli/directory-args';
import type { CliIo } from '../../../electron/cli/run-cli';

const io: CliIo = { out: () => undefined, err: () => undefined, env: {} } as unknown as CliIo;

async function refusal(argv: string[]): Promise<ArgError> {
  const error = await directoryFromArgs(parseArgs(argv, DIRECTORY_SPEC), io).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ArgError);
  return error as ArgError;
}

describe('directory flags', () => {
  it('refuse bad input naming the flag, before connecting', async () => {
    expect((await refusal(['--bind-user', 'a@b.c'])).argument).toBe('--ldap-url');
    expect((await refusal(['--ldap-url', 'http://dc'])).argument).toBe('--ldap-url');
    expect((await refusal(['--ldap-url', 'ldaps://dc', '--base-dn', 'not a dn'])).argument).toBe('--base-dn');
    expect((await refusal(['--ldap-url', 'ldaps://dc'])).message).toBe('--bind-user: is required (e.g. admin@corp.example)');
    expect((await refusal(['--lab', '/tmp/x', '--ldap-url', 'ldaps://dc'])).message).toMatch(/^--ldap-url: cannot be combined with --lab/);
    expect((await refusal(['--ldap-url', 'ldaps://dc', '--integrated', '--bind-user', 'a@b.c'])).message).toMatch(/^--bind-user: cannot be combined with --integrated/);
    // No TTY and no FERRY_LDAP_PASSWORD: refused, never read from an argument.
    expect((await refusal(['--ldap-url', 'ldaps://dc', '--bind-user', 'admin@corp.example'])).message).toMatch(/FERRY_LDAP_PASSWORD/);
  });

  it('are parsed by the one parser: unknown flags, -h, a password argument', () => {
    expect(parseArgs(['-h'], DIRECTORY_SPEC).switches.has('help')).toBe(true);
    expect(() => parseArgs(['--password', 'x'], DIRECTORY_SPEC)).toThrow(new ArgError('--password', 'unknown option'));
    expect(() => parseArgs(['-x'], DIRECTORY_SPEC)).toThrow(ArgError);
    expect(() => parseArgs(['-h', '--help'], DIRECTORY_SPEC)).toThrow(new ArgError('--help', 'given more than once'));
    expect(namesRealDirectory(parseArgs(['--integrated'], DIRECTORY_SPEC))).toBe(true);
    expect(namesRealDirectory(parseArgs(['--lab', 'x'], DIRECTORY_SPEC))).toBe(false);
  });

  it('host flags use core’s host-name rule', () => {
    const spec = { source: { type: 'string' } } as const;
    expect(hostArg(parseArgs(['--source', 'hv01.lab.test'], spec), 'source')).toBe('hv01.lab.test');
    expect(() => hostArg(parseArgs(['--source', 'HV 01'], spec), 'source')).toThrow(/^--source: 'HV 01' is not a valid host name label/);
    expect(() => hostArg(parseArgs([], spec), 'source')).toThrow(new ArgError('--source', 'is required'));
  });
});
