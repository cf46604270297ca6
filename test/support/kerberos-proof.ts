/**
 * Independent proof that constrained delegation works: as the source host, get a forwardable TGT
 * and ask the KDC for S4U2Self + S4U2Proxy to `service` on behalf of `user` (`kvno -U -P`).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

function exec(cmd: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
    // kvno and kdestroy may exit before reading stdin: the write then fails with EPIPE, which is
    // no error of the proof (an unlistened stream error would crash the test run).
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

export async function s4uProxy(
  krb5Conf: string,
  workDir: string,
  source: { principal: string; password: string },
  user: string,
  service: string,
): Promise<{ ok: boolean; out: string }> {
  const env = { ...process.env, KRB5_CONFIG: krb5Conf, KRB5CCNAME: `FILE:${path.join(workDir, `cc-${Date.now()}-${Math.random().toString(16).slice(2)}`)}` };
  const kinit = await exec('kinit', ['-f', source.principal], env, `${source.password}\n`);
  if (kinit.code !== 0) return { ok: false, out: `kinit: ${kinit.out}` };
  const kvno = await exec('kvno', ['-U', user, '-P', service], env);
  await exec('kdestroy', [], env);
  return { ok: kvno.code === 0, out: kvno.out };
}
