/**
 * directory-negotiate.ps1 cannot run here (Negotiate needs a Windows logon session), so it is
 * checked statically with the real PowerShell parser: it parses, interpolates nothing, evaluates
 * no text as code, uses Negotiate with signing and sealing, pages, and changes single values only.
 * Every System.DirectoryServices.Protocols type it names must exist in the real assembly.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { powershellProcessEnv } from '../../../electron/services/powershell/process-env';

const SCRIPT = path.resolve('electron/services/powershell/scripts/directory-negotiate.ps1');
const PWSH = process.env.FERRY_PWSH ?? path.resolve('.tools/pwsh/pwsh');

// Run by pwsh with the script path as a plain argument; prints one JSON document.
const CHECKER = `param([string]$Path)
$tokens = $null; $errors = $null
$ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
$find = { param($type) @($ast.FindAll({ param($n) $n -is $type }, $true)) }
$expandable = & $find ([System.Management.Automation.Language.ExpandableStringExpressionAst])
$commands = & $find ([System.Management.Automation.Language.CommandAst]) | ForEach-Object { $_.GetCommandName() } | Where-Object { $_ }
$members = & $find ([System.Management.Automation.Language.MemberExpressionAst]) | ForEach-Object { $_.Member.Extent.Text }
Add-Type -AssemblyName System.DirectoryServices.Protocols
$names = [regex]::Matches((Get-Content -Raw $Path), 'System\\.DirectoryServices\\.Protocols\\.[A-Za-z]+') | ForEach-Object { $_.Value } | Sort-Object -Unique
$unresolved = @($names | Where-Object { $null -eq ($_ -as [type]) })
$sessionProps = @([System.DirectoryServices.Protocols.LdapSessionOptions].GetProperties() | ForEach-Object { $_.Name })
[ordered]@{
  errors = @($errors | ForEach-Object { $_.Message })
  expandable = @($expandable | ForEach-Object { $_.Extent.Text })
  commands = @($commands)
  members = @($members)
  typeNames = @($names)
  unresolved = $unresolved
  sessionProps = $sessionProps
} | ConvertTo-Json -Depth 4 -Compress
`;

interface Report {
  errors: string[];
  expandable: string[];
  commands: string[];
  members: string[];
  typeNames: string[];
  unresolved: string[];
  sessionProps: string[];
}

let report: Report;
const text = readFileSync(SCRIPT, 'utf8');

beforeAll(async () => {
  expect(existsSync(PWSH), `pwsh not found at ${PWSH}`).toBe(true);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ferry-ps-check-'));
  const checker = path.join(dir, 'check.ps1');
  writeFileSync(checker, CHECKER);
  const { stdout } = await promisify(execFile)(PWSH, ['-NoProfile', '-NonInteractive', '-File', checker, '-Path', SCRIPT], { env: powershellProcessEnv(process.env) });
  report = JSON.parse(stdout) as Report;
}, 60_000);

describe('directory-negotiate.ps1 (static)', () => {
  it('parses without errors in the real PowerShell parser', () => {
    expect(report.errors).toEqual([]);
  });

  it('takes its input only as one base64 JSON argument and interpolates nothing', () => {
    expect(text).toMatch(/^param\(\[string\]\$InputBase64\)$/m);
    expect(report.expandable).toEqual([]);
    const commands = report.commands.map((c) => c.toLowerCase());
    for (const evil of ['invoke-expression', 'iex', 'invoke-command']) expect(commands).not.toContain(evil);
    // Add-Type only loads the assembly; compiling source text would be code from data.
    expect(text).not.toMatch(/-TypeDefinition|\[ScriptBlock\]::Create|NewScriptBlock|Invoke-Command/i);
  });

  it('signs in with Negotiate, and seals or uses TLS, never trusting any certificate', () => {
    expect(text).toMatch(/\$conn\.AuthType = \[System\.DirectoryServices\.Protocols\.AuthType\]::Negotiate/);
    expect(text).toMatch(/SessionOptions\.Signing = \$true/);
    expect(text).toMatch(/SessionOptions\.Sealing = \$true/);
    expect(report.members).not.toContain('VerifyServerCertificate');
    expect(text).not.toMatch(/NetworkCredential|AuthType\]::Basic|AuthType\]::Anonymous/);
    for (const p of ['Signing', 'Sealing', 'SecureSocketLayer', 'ReferralChasing', 'ProtocolVersion']) expect(report.sessionProps).toContain(p);
  });

  it('pages searches and changes single values only (no replace)', () => {
    expect(report.typeNames).toEqual(
      expect.arrayContaining([
        'System.DirectoryServices.Protocols.PageResultRequestControl',
        'System.DirectoryServices.Protocols.PageResultResponseControl',
        'System.DirectoryServices.Protocols.ModifyRequest',
        'System.DirectoryServices.Protocols.LdapConnection',
      ]),
    );
    expect(text).not.toMatch(/DirectoryAttributeOperation\]::Replace/);
    expect(text).toMatch(/DirectoryAttributeOperation\]::Add/);
    expect(text).toMatch(/DirectoryAttributeOperation\]::Delete/);
  });

  it('names only types that exist in System.DirectoryServices.Protocols', () => {
    expect(report.typeNames.length).toBeGreaterThan(8);
    expect(report.unresolved).toEqual([]);
  });

  it('reports through the shared prelude (one FERRY-JSON envelope)', () => {
    expect(report.commands).toContain('Invoke-FerryMain');
  });
});

describe('directory-negotiate.ps1 (run on this machine, up to its LDAP connect)', () => {
  const runScript = async (input: unknown): Promise<unknown> => {
    const arg = Buffer.from(JSON.stringify(input), 'utf8').toString('base64');
    const { stdout } = await promisify(execFile)(PWSH, ['-NoProfile', '-NonInteractive', '-File', SCRIPT, '-InputBase64', arg], { env: powershellProcessEnv(process.env) });
    const line = stdout.split(/\r?\n/).find((l) => l.startsWith('FERRY-JSON:'));
    expect(line, stdout).toBeDefined();
    return (JSON.parse((line ?? '').slice('FERRY-JSON:'.length)) as { data: unknown }).data;
  };

  it('decodes its input and maps a closed port to unreachable; refuses unknown operations before connecting', async () => {
    expect(await runScript({ op: 'rootdse', server: '127.0.0.1', port: 1, ldaps: false, timeoutSeconds: 3 })).toEqual({
      ok: false,
      error: { code: 'unreachable', message: 'The LDAP server is unavailable.', ldapCode: 81 },
    });
    expect(await runScript({ op: 'delete-everything', server: '127.0.0.1', port: 1 })).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Unknown directory operation.' } });
  }, 30_000);
});
