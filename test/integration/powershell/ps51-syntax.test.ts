/**
 * Every script Ferry runs, and the lab module, must run on Windows PowerShell 5.1 (the admin
 * workstation's and the hosts' own PowerShell: remote blocks run there). The tests run pwsh 7,
 * which accepts syntax 5.1 refuses, so a syntax-tree check stands in for a 5.1 parser here.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { powershellProcessEnv } from '../../../electron/services/powershell/process-env';

const PWSH = process.env.FERRY_PWSH ?? path.resolve('.tools/pwsh/pwsh');
const CHECK = path.resolve('test/support/ps51-syntax.ps1');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'ferry-ps51-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Finding { file: string; line: number; what: string }

async function check(paths: readonly string[]): Promise<Finding[]> {
  const { stdout } = await promisify(execFile)(PWSH, ['-NoProfile', '-NonInteractive', '-File', CHECK, '-PathsBase64', Buffer.from(JSON.stringify(paths)).toString('base64')], {
    env: powershellProcessEnv(process.env),
    timeout: 60_000,
  });
  const line = stdout.trim().split(/\r?\n/).at(-1) ?? '[]';
  return JSON.parse(line) as Finding[];
}

const files = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.ps1') || f.endsWith('.psm1')).map((f) => path.resolve(dir, f));

describe('Windows PowerShell 5.1 syntax', () => {
  it('no script or lab module file uses syntax only PowerShell 7 has', async () => {
    const all = [...files('electron/services/powershell/scripts'), ...files('electron/services/lab/module')];
    expect(all.length).toBeGreaterThan(20);
    expect(await check(all)).toEqual([]);
  });

  it('finds each kind it looks for (so the check above can fail)', async () => {
    const bad = path.join(scratch, 'bad.ps1');
    writeFileSync(bad, ['$a = $true ? 1 : 2', 'Get-Date && Get-Date', '$b = $null ?? 3', '$c ??= 4', '$d = ${a}?.Length', "$e = '{}' | ConvertFrom-Json -AsHashtable", '1..2 | ForEach-Object -Parallel { $_ }'].join('\n'));
    const found = (await check([bad])).map((f) => `${f.line}:${f.what}`);
    expect(found).toEqual(['1:ternary ? :', '2:pipeline chain && / ||', '3:??', '4:??=', '5:null-conditional ?. / ?[]', '6:ConvertFrom-Json -AsHashtable', '7:ForEach-Object -Parallel']);
  });
});
