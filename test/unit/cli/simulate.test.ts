import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/cli/commands/simulate';

async function simulate(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t: string) => { out += t; }, err: (t: string) => { err += t; }, env: {} });
  return { code, out, err };
}

const base = ['--memory-gb', '16', '--dirty-mb-per-s', '200', '--link-gbps', '10'];

describe('ferry simulate: the compression ratio is a visible default', () => {
  it('says the ratio it assumed and that it is the default', async () => {
    const r = await simulate(base);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Compression assumes memory compresses 2:1 \(default; change with --compression-ratio\)/);
  });

  it('takes --compression-ratio, and a better ratio makes Compression faster', async () => {
    const two = JSON.parse((await simulate([...base, '--json'])).out) as { option: string; totalSeconds: number; compressionRatio?: number }[];
    const four = JSON.parse((await simulate([...base, '--compression-ratio', '4', '--json'])).out) as typeof two;
    expect(four.find((m) => m.option === 'Compression')?.compressionRatio).toBe(4);
    expect(four.find((m) => m.option === 'Compression')!.totalSeconds).toBeLessThan(two.find((m) => m.option === 'Compression')!.totalSeconds);
    expect((await simulate([...base, '--compression-ratio', '4'])).out).toMatch(/compresses 4:1 \(--compression-ratio\)/);
  });

  it('refuses a ratio below 1, naming the flag', async () => {
    const r = await simulate([...base, '--compression-ratio', '0.5']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--compression-ratio/);
  });
});
