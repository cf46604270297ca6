import { describe, it, expect } from 'vitest';
import { ArgError, choiceArg, intArg, parseArgs } from '../../../electron/cli/args';
import { runCli, type CliIo } from '../../../electron/cli/run-cli';

const spec = { source: { type: 'string' }, network: { type: 'string', multiple: true }, yes: { type: 'boolean' } } as const;

function capture(): CliIo & { outText: () => string; errText: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => (out += t), err: (t) => (err += t), env: {}, outText: () => out, errText: () => err };
}

describe('parseArgs', () => {
  it('parses values, repeatable flags, switches and --name=value', () => {
    const a = parseArgs(['--source', 'HV01', '--network=10.0.0.0/24', '--network', '::/0', '--yes', 'pos'], spec);
    expect(a.values.get('source')).toEqual(['HV01']);
    expect(a.values.get('network')).toEqual(['10.0.0.0/24', '::/0']);
    expect(a.switches.has('yes')).toBe(true);
    expect(a.positionals).toEqual(['pos']);
  });

  it.each([
    [['--sorce', 'HV01'], '--sorce'],
    [['--source'], '--source'],
    [['--source', 'a', '--source', 'b'], '--source'],
    [['--yes=1'], '--yes'],
    [['-x'], '-x'],
    [['--source', '--yes'], '--source'],
  ])('%j is refused naming %s', (argv, name) => {
    try {
      parseArgs(argv, spec);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ArgError);
      expect((e as ArgError).argument).toBe(name);
    }
  });

  it('accepts only plain whole numbers and known choices', () => {
    const n = (v: string) => intArg(parseArgs(['--source', v], spec), 'source', 1, 64);
    expect(n('4')).toBe(4);
    for (const bad of ['0', '65', '1e1', '0x4', '+4', ' 4', '4.0', '']) expect(() => n(bad)).toThrow(ArgError);
    const c = (v: string) => choiceArg(parseArgs(['--source', v], spec), 'source', ['Kerberos', 'CredSSP'] as const);
    expect(c('kerberos')).toBe('Kerberos');
    expect(() => c("Kerberos'; calc")).toThrow(/must be one of/);
  });
});

describe('ferry commands refuse bad input with exit 2 before touching any host', () => {
  const hostile = [
    "HV01'; New-Item /tmp/x",
    'HV01\u2019; calc',
    'HV01\u201c',
    'HV01$(calc)',
    'HV01`',
    'HV01;calc',
    'HV01|calc',
    'HV01\ncalc',
    'HV01\u0000',
    '\u2013Confirm',
    'H'.repeat(10_000),
  ];
  it.each(hostile.map((h) => [JSON.stringify(h).slice(0, 40), h]))('host %s', async (_l, h) => {
    for (const argv of [
      ['hosts', 'show', h, '--lab', '/nonexistent'],
      ['plan', '--source', h, '--destination', 'HV02', '--lab', '/nonexistent'],
      ['apply', '--source', 'HV01', '--destination', h, '--yes', '--lab', '/nonexistent'],
    ]) {
      const io = capture();
      expect(await runCli(argv, io)).toBe(2);
      expect(io.errText()).toMatch(/host|--source|--destination/);
      expect(io.errText()).not.toContain('\u0000');
    }
  });

  it.each([["10.0.0.0/24'; calc"], ['10.0.0.0/24\u2018'], ['192.168.*'], ['10.0.0.5/24'], ['10.0.0.0/24,-1'], ['10.0.0.0/24,1,2'], ['x'.repeat(10_000)]])(
    'subnet %s',
    async (subnet) => {
      const io = capture();
      const code = await runCli(['plan', '--source', 'HV01', '--destination', 'HV02', '--network', subnet, '--lab', '/nonexistent'], io);
      expect(code).toBe(2);
      expect(io.errText()).toContain('--network');
    },
  );

  it('names unknown flags, conflicting options and a missing lab', async () => {
    const cases: [string[], string][] = [
      [['plan', '--source', 'HV01', '--destination', 'HV02', '--bogus'], '--bogus'],
      [['plan', '--source', 'HV01', '--destination', 'HV02', '--any-network', '--network', '10.0.0.0/24'], '--any-network'],
      [['plan', '--source', 'HV01', '--destination', 'HV02', '--max-migrations', '100'], '--max-migrations'],
      [['plan', '--source', 'HV01', '--destination', 'hv01'], '--destination'],
      [['plan', '--destination', 'HV02'], '--source'],
      [['plan', '--source', 'HV01', '--destination', 'HV02', '--lab', '/nonexistent/lab'], '--lab'],
      [['rollback'], '--audit-log'],
      [['rollback', '--audit-log', 'x', '--run', "r'1"], '--run'],
    ];
    for (const [argv, name] of cases) {
      const io = capture();
      expect(await runCli(argv, io)).toBe(2);
      expect(io.errText()).toContain(name);
    }
  });
});
