/**
 * The hostile-input corpus: text that would do harm if any layer built PowerShell, LDAP filter,
 * DN or path text by interpolation, plus wrong JSON types and prototype-pollution keys. Run by
 * `ipc.test.ts` against every IPC text field, and by `runCliHostileCases` against CLI arguments.
 *
 * Injection cases that would run code try to create `CANARY_NAME` inside the canary folder the
 * test passes in; the test asserts it never appears.
 */
export type HostileCategory =
  | 'powershell'
  | 'unicode-quote'
  | 'ldap-filter'
  | 'ldap-dn'
  | 'path-traversal'
  | 'control'
  | 'overlong'
  | 'prototype'
  | 'misc';

export interface TextCase {
  readonly id: string;
  readonly category: HostileCategory;
  readonly value: string;
}

export interface TypeCase {
  readonly id: string;
  readonly value: unknown;
}

export const CANARY_NAME = 'ferry-hostile-canary.txt';

/** The PowerShell quote characters (CharTraits): ASCII plus the Unicode ones PowerShell honours. */
const SINGLE_QUOTES = ["'", '\u2018', '\u2019', '\u201a', '\u201b'] as const;
const DOUBLE_QUOTES = ['"', '\u201c', '\u201d', '\u201e'] as const;
const DASHES = ['-', '\u2013', '\u2014', '\u2015'] as const;

export function textCases(canaryDir: string): TextCase[] {
  const canary = `${canaryDir}/${CANARY_NAME}`;
  const make = (cmd: string) => cmd.replace('{C}', canary);
  const out: TextCase[] = [];
  const add = (category: HostileCategory, value: string) => out.push({ id: `${category}-${out.length}`, category, value });

  // PowerShell: sub-expressions, statement separators, pipes, call operators, escapes.
  const payloads = [
    '$(New-Item -ItemType File -Path "{C}")',
    '$(New-Item {C})',
    '; New-Item -ItemType File -Path {C}',
    '| New-Item {C}',
    '& New-Item {C}',
    '&& New-Item {C}',
    '|| New-Item {C}',
    '`; New-Item {C}',
    '@(New-Item {C})',
    '${env:PATH}$(New-Item {C})',
    '$([IO.File]::WriteAllText("{C}", "x"))',
    'Invoke-Expression "New-Item {C}"',
    'iex(New-Item {C})',
    '[ScriptBlock]::Create("New-Item {C}").Invoke()',
    '\nNew-Item {C}',
    '\r\nNew-Item {C}',
    '#>\nNew-Item {C}\n<#',
    '-Command New-Item {C}',
  ];
  for (const p of payloads) add('powershell', make(p));
  for (const q of [...SINGLE_QUOTES, ...DOUBLE_QUOTES]) {
    add('unicode-quote', make(`HV01${q}; New-Item {C}; ${q}`));
    add('unicode-quote', make(`${q}+$(New-Item {C})+${q}`));
    add('unicode-quote', make(`${q}${q}; New-Item {C} #`));
  }
  for (const d of DASHES) {
    add('unicode-quote', `HV01 ${d}ComputerName evil`);
    add('unicode-quote', make(`x ${d}Command New-Item {C}`));
    add('unicode-quote', `${d}${d}%`);
  }
  add('unicode-quote', make('@"\n$(New-Item {C})\n"@'));
  add('unicode-quote', make("@'\n'@; New-Item {C}; @'\n'@"));
  for (const s of ['`', '`n', '`0', '`"', "`'", '$null', '$true', '$ExecutionContext', '$PSHOME', '$?', '$$', '$^', '$_', '@args', '%{ 1 }', '{ New-Item x }', '[char]59', '(1)+(2)', '1..1000000000', '-not 1']) {
    add('powershell', s);
  }

  // LDAP filter (RFC 4515) and DN (RFC 4514) specials.
  for (const s of ['*', '(', ')', '\\', '\0', '*)(objectClass=*', 'HV01)(|(objectClass=*)', '*)(&', '(|(cn=*))', 'HV01*', '\\2a', '\\00', 'HV01)(userAccountControl:1.2.840.113556.1.4.803:=2', '!(cn=HV01)', 'cn=*', '(&)', '(|)']) {
    add('ldap-filter', s);
  }
  for (const s of [',', '+', '"', '<', '>', ';', '=', '#', ' HV01', 'HV01 ', '#HV01', 'CN=HV01,OU=Evil,DC=corp,DC=example', 'HV01,CN=Computers', 'HV01\\,OU=x', 'HV01+CN=x', 'OU=Domain Controllers', 'CN=krbtgt,CN=Users', 'HV01\0,DC=x', '"quoted"', '\\#HV01', 'a=b,c=d;e=f']) {
    add('ldap-dn', s);
  }

  // Path traversal, absolute paths, UNC, device names, URL-ish.
  for (const s of [
    `../../../../${canaryDir}/${CANARY_NAME}`,
    '..',
    '../',
    '..\\..\\..\\Windows\\System32\\drivers\\etc\\hosts',
    '../../../../etc/passwd',
    '/etc/passwd',
    'C:\\Windows\\System32\\config\\SAM',
    '\\\\evil-server\\share\\x.ps1',
    '//evil-server/share/x',
    'file:///etc/passwd',
    '%2e%2e%2f%2e%2e%2f',
    '..%5c..%5c',
    '....//....//',
    'CON',
    'NUL',
    'COM1',
    'LPT1',
    'x:\\..\\..',
    '~/.ssh/id_rsa',
    `${canaryDir}/${CANARY_NAME}`,
    'ldap://evil.example/',
    'ldaps://evil.example:636/',
    'http://169.254.169.254/latest/meta-data/',
  ]) {
    add('path-traversal', s);
  }

  // NUL and control characters, bidi overrides, lone surrogates.
  for (let c = 0; c < 32; c++) add('control', `HV${String.fromCharCode(c)}01`);
  for (const s of ['\u007f', '\u0085', '\u00a0', '\u200b', '\u200e', '\u202e', '\u2028', '\u2029', '\ufeff', '\ud800', '\udfff', '\uffff', 'HV01\u0000; New-Item x', '\x1b[2J\x1b[31mred']) {
    add('control', s);
  }

  // Overlong strings (10 kB and beyond).
  add('overlong', 'A'.repeat(254));
  add('overlong', 'A'.repeat(1025));
  add('overlong', 'A'.repeat(10 * 1024));
  add('overlong', '$('.repeat(5000));
  add('overlong', 'ü'.repeat(10 * 1024));
  add('overlong', `${'a.'.repeat(200)}corp.example`);
  add('overlong', '\u{1F600}'.repeat(3000));

  // Prototype-pollution names as plain text values.
  for (const s of ['__proto__', 'constructor', 'prototype', '__proto__.polluted', 'constructor.prototype.polluted', 'toString', 'hasOwnProperty', '__defineGetter__']) {
    add('prototype', s);
  }

  // Formats that trip parsers: JSON, XML, CSV/formula, printf, template literal, emoji, empty.
  for (const s of ['', ' ', '{"a":1}', '<script>alert(1)</script>', '<!ENTITY x SYSTEM "file:///etc/passwd">', '=cmd|\' /C calc\'!A0', '%s%s%s%n', '${7*7}', '{{7*7}}', '\u{1F4A3}', 'HV01\tHV02', 'NaN', 'null', 'undefined', '-1', '0x41']) {
    add('misc', s);
  }
  return out;
}

/** Values of the wrong JSON type for a text field. */
export const typeCases: readonly TypeCase[] = [
  { id: 'type-number', value: 42 },
  { id: 'type-float', value: 1.5 },
  { id: 'type-negative', value: -1 },
  { id: 'type-true', value: true },
  { id: 'type-false', value: false },
  { id: 'type-null', value: null },
  { id: 'type-array', value: ['HV01'] },
  { id: 'type-empty-array', value: [] },
  { id: 'type-object', value: { name: 'HV01' } },
  { id: 'type-empty-object', value: {} },
  { id: 'type-nested', value: { $where: 'sleep(1000)' } },
  { id: 'type-proto-object', value: JSON.parse('{"__proto__":{"polluted":true}}') as unknown },
  { id: 'type-toString-object', value: { toString: 'HV01' } },
];

/** Whole-request prototype-pollution payloads, built with JSON.parse as they arrive over IPC. */
export const pollutionPayloads: readonly TypeCase[] = [
  { id: 'pollute-proto', value: JSON.parse('{"__proto__":{"polluted":true}}') as unknown },
  { id: 'pollute-constructor', value: JSON.parse('{"constructor":{"prototype":{"polluted":true}}}') as unknown },
  { id: 'pollute-prototype', value: JSON.parse('{"prototype":{"polluted":true}}') as unknown },
  { id: 'pollute-array', value: ['__proto__'] },
  { id: 'pollute-string', value: '__proto__' },
  { id: 'pollute-number', value: 7 },
];

export function corpusSize(canaryDir: string): number {
  return textCases(canaryDir).length + typeCases.length + pollutionPayloads.length;
}

/** What the CLI hook needs: run `ferry` with argv, capture the outcome. */
export type CliRunner = (argv: readonly string[]) => Promise<{ readonly code: number; readonly stdout: string; readonly stderr: string }>;

export interface CliHostileFailure {
  readonly argv: readonly string[];
  readonly caseId: string;
  readonly problem: string;
}

/**
 * The hook for CLI hostile cases (the lead adds the command templates once the CLI commands
 * land): every text case is put into each template's `{VALUE}` slot; each run must exit with a
 * clear error (non-zero, a message, no stack trace) or succeed inertly, and never create the
 * canary. Returns the failures (empty = pass).
 */
export async function runCliHostileCases(
  run: CliRunner,
  templates: readonly (readonly string[])[],
  canaryDir: string,
  canaryExists: () => boolean,
): Promise<CliHostileFailure[]> {
  const failures: CliHostileFailure[] = [];
  for (const template of templates) {
    for (const c of textCases(canaryDir)) {
      if (c.value.includes('\0')) continue; // argv cannot carry NUL; the OS refuses it before Ferry
      const argv = template.map((a) => (a === '{VALUE}' ? c.value : a));
      const r = await run(argv);
      if (r.code !== 0 && r.stderr.trim() === '' && r.stdout.trim() === '') failures.push({ argv, caseId: c.id, problem: 'failed without a message' });
      if (/\n\s+at .+\(.+:\d+:\d+\)/.test(r.stderr + r.stdout)) failures.push({ argv, caseId: c.id, problem: 'printed a stack trace' });
      if (canaryExists()) failures.push({ argv, caseId: c.id, problem: 'the canary was created: code ran' });
    }
  }
  return failures;
}
