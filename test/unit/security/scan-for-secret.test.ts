import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanDirForSecret } from '../../support/scan-for-secret';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-scan-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('scanDirForSecret', () => {
  const secret = 'Ferry-Canary-Pa55!';
  fs.mkdirSync(path.join(dir, 'logs', 'deep'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'clean.txt'), 'nothing to see');
  fs.writeFileSync(path.join(dir, 'logs', 'ferry.log'), `bind with ${secret}\n`);
  fs.writeFileSync(path.join(dir, 'logs', 'deep', 'ps.txt'), Buffer.from(`-Password ${secret}`, 'utf16le'));
  fs.writeFileSync(path.join(dir, 'arg.json'), JSON.stringify({ b64: Buffer.from(secret).toString('base64') }));
  fs.writeFileSync(path.join(dir, 'redacted.log'), 'password=[redacted]');
  // As the PowerShell argument travels: base64 of a JSON document holding the secret.
  for (const [i, prefix] of ['{"p":"', '{"pw":"', '{"pwd":"'].entries()) {
    fs.writeFileSync(path.join(dir, `ps-arg-${i}.txt`), Buffer.from(`${prefix}${secret}","x":1}`).toString('base64'));
  }

  it('finds the secret in UTF-8, UTF-16LE and base64 (at any alignment), in nested folders', () => {
    expect(scanDirForSecret(dir, secret)).toEqual(
      ['arg.json', path.join('logs', 'deep', 'ps.txt'), path.join('logs', 'ferry.log'), 'ps-arg-0.txt', 'ps-arg-1.txt', 'ps-arg-2.txt'].sort(),
    );
  });

  it('finds nothing when the secret is absent', () => {
    expect(scanDirForSecret(dir, 'Some-Other-Secret-42')).toEqual([]);
  });

  it('refuses a secret too short to be recognisable', () => {
    expect(() => scanDirForSecret(dir, 'abc')).toThrow(/at least 6/);
  });
});
