import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger, redact } from '../../../electron/main/file-logger';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-log-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('redact', () => {
  it('hides secret-sounding key/value pairs in every common spelling', () => {
    const cases = [
      'bind failed password=Sup3r$ecret!',
      'password: Sup3r$ecret!',
      '{"bindUser":"admin@corp","password":"Sup3r$ecret!"}',
      '{"Password" : "Sup3r$ecret!"}',
      'token=Sup3r$ecret!',
      'Authorization: Bearer Sup3r-Secret.Token',
      'ConvertTo-SecureString -AsPlainText Sup3r$ecret!',
      'New-Object PSCredential -Password Sup3r$ecret!',
    ];
    for (const input of cases) {
      const out = redact(input);
      expect(out, input).not.toMatch(/Sup3r/);
      expect(out, input).toContain('[redacted]');
    }
  });

  it('hides a registered secret wherever it appears', () => {
    const out = redact('LDAP error 49 for admin@corp with Tr0ub4dor&3 in the URL', ['Tr0ub4dor&3']);
    expect(out).not.toContain('Tr0ub4dor&3');
    expect(out).toContain('admin@corp');
  });

  it('leaves ordinary text alone', () => {
    const text = 'Set-VMHost -ComputerName HV01 -VirtualMachineMigrationPerformanceOption Compression';
    expect(redact(text)).toBe(text);
  });
});

describe('createFileLogger', () => {
  it('writes redacted lines to ferry.log with owner-only permissions', () => {
    const dir = tempDir();
    const log = createFileLogger(dir, { secrets: () => ['Tr0ub4dor&3'] });
    log('info', 'connect password=hunter22');
    log('error', 'bind as admin failed (Tr0ub4dor&3)');
    const text = fs.readFileSync(path.join(dir, 'ferry.log'), 'utf8');
    expect(text).toMatch(/INFO connect password=\[redacted\]/);
    expect(text).toMatch(/ERROR bind as admin failed \(\[redacted\]\)/);
    expect(text).not.toContain('hunter22');
    expect(text).not.toContain('Tr0ub4dor&3');
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'ferry.log')).mode & 0o077).toBe(0);
  });

  it('rotates when the file grows past the limit and keeps a bounded number of files', () => {
    const dir = tempDir();
    const log = createFileLogger(dir, { maxBytes: 200, keep: 3 });
    for (let i = 0; i < 60; i++) log('info', `line ${i} ${'x'.repeat(40)}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['ferry.log', 'ferry.log.1', 'ferry.log.2', 'ferry.log.3']);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThan(400);
    // The newest line is in the current file; the oldest ones are gone.
    expect(fs.readFileSync(path.join(dir, 'ferry.log'), 'utf8')).toContain('line 59 ');
    const all = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('');
    expect(all).not.toContain('line 0 ');
  });

  it('keeps one message on one logical entry (no forged log lines)', () => {
    const dir = tempDir();
    const log = createFileLogger(dir);
    log('info', 'host HV01\n2099-01-01T00:00:00.000Z ERROR forged');
    const lines = fs.readFileSync(path.join(dir, 'ferry.log'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]!.startsWith('    ')).toBe(true);
  });

  it('never throws, even when the folder vanishes', () => {
    const dir = tempDir();
    const log = createFileLogger(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.writeFileSync(dir, 'now a file');
    expect(() => log('info', 'still fine')).not.toThrow();
  });
});
