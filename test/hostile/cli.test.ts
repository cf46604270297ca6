/**
 * The hostile corpus against every CLI argument that accepts text, run in-process through
 * `runCli` (the same code the `ferry` bundle runs). An argument with rules must refuse a
 * value that breaks them with exit 2 and a message naming the argument; free text (VM names)
 * must pass through as inert data; nothing may run (the canary never appears) and nothing may
 * print a stack trace.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../electron/cli/run-cli';
import { validateHostName } from '../../electron/core/settings/host-name';
import { validateSubnetInput } from '../../electron/core/settings/subnet';
import { validateBindUser, validateLdapUrl } from '../../electron/core/ldap/connect-input';
import { initLab } from '../../electron/services/lab/lab-init';
import { CANARY_NAME, textCases } from './corpus';

interface Outcome {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

let labDir: string;
let canaryDir: string;
let scratch: string;

async function ferry(argv: readonly string[]): Promise<Outcome> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    // A password is present so no command waits for a prompt; no pwsh path: nothing here may need one.
    env: { FERRY_LDAP_PASSWORD: 'not-a-real-password', PATH: process.env['PATH'] },
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** A value the argument's own rules accept would start real work; those are not hostile here. */
type Validity = (value: string) => boolean;
const hostOk: Validity = (v) => validateHostName(v) === null;
const enumOk =
  (...allowed: string[]): Validity =>
  (v) =>
    allowed.includes(v);
const numberOk: Validity = (v) => /^\s*\d+(\.\d+)?\s*$/.test(v) && Number(v) > 0;

interface Template {
  readonly command: string;
  readonly flag: string;
  readonly argv: (value: string) => string[];
  readonly valid: Validity;
}

const lab = () => ['--lab', labDir];
const templates: Template[] = [
  { command: 'hosts', flag: 'host', argv: (v) => ['hosts', 'show', v, ...lab()], valid: hostOk },
  { command: 'plan', flag: '--source', argv: (v) => ['plan', '--source', v, '--destination', 'HV02', ...lab()], valid: hostOk },
  { command: 'plan', flag: '--destination', argv: (v) => ['plan', '--source', 'HV01', '--destination', v, ...lab()], valid: hostOk },
  { command: 'plan', flag: '--network', argv: (v) => ['plan', '--source', 'HV01', '--destination', 'HV02', '--network', v, ...lab()], valid: (v) => 'canonical' in validateSubnetInput(v.split(',')[0] ?? '') },
  { command: 'plan', flag: '--auth', argv: (v) => ['plan', '--source', 'HV01', '--destination', 'HV02', '--auth', v, ...lab()], valid: enumOk('Kerberos', 'CredSSP') },
  { command: 'plan', flag: '--performance', argv: (v) => ['plan', '--source', 'HV01', '--destination', 'HV02', '--performance', v, ...lab()], valid: enumOk('TCPIP', 'Compression', 'SMB') },
  { command: 'plan', flag: '--max-migrations', argv: (v) => ['plan', '--source', 'HV01', '--destination', 'HV02', '--max-migrations', v, ...lab()], valid: numberOk },
  { command: 'apply', flag: '--source', argv: (v) => ['apply', '--source', v, '--destination', 'HV02', '--yes', ...lab()], valid: hostOk },
  { command: 'lab', flag: '--host', argv: (v) => ['lab', 'add-vm', labDir, '--host', v, '--name', 'vm', '--memory-gb', '4'], valid: hostOk },
  { command: 'lab', flag: '--memory-gb', argv: (v) => ['lab', 'add-vm', labDir, '--host', 'HV01', '--name', 'vm', '--memory-gb', v], valid: numberOk },
  { command: 'discover', flag: '--ldap-url', argv: (v) => ['discover', '--ldap-url', v, '--bind-user', 'admin@corp.example'], valid: (v) => validateLdapUrl(v) === null },
  { command: 'discover', flag: '--bind-user', argv: (v) => ['discover', '--ldap-url', 'ldaps://127.0.0.1:9', '--bind-user', v], valid: (v) => validateBindUser(v) === null },
  { command: 'delegation', flag: '--source', argv: (v) => ['delegation', 'show', '--source', v, '--destination', 'HV02', '--ldap-url', 'ldaps://127.0.0.1:9', '--bind-user', 'admin@corp.example'], valid: hostOk },
  { command: 'test', flag: '--destination', argv: (v) => ['test', '--source', 'HV01', '--destination', v, ...lab()], valid: hostOk },
  { command: 'simulate', flag: '--memory-gb', argv: (v) => ['simulate', '--memory-gb', v, '--dirty-mb-per-s', '200', '--link-gbps', '10'], valid: numberOk },
  { command: 'simulate', flag: '--link-gbps', argv: (v) => ['simulate', '--memory-gb', '16', '--dirty-mb-per-s', '200', '--link-gbps', v], valid: numberOk },
  { command: 'lab', flag: '--hosts', argv: (v) => ['lab', 'init', path.join(scratch, 'init'), '--hosts', v], valid: (v) => v.split(',').every((h) => hostOk(h.trim())) },
  // checks-kerberos: the lab's Kerberos defects name hosts of the new lab (HV01–HV04 by default).
  { command: 'lab', flag: '--second-domain', argv: (v) => ['lab', 'init', path.join(scratch, 'init'), '--second-domain', v], valid: (v) => v.split(',').every((h) => /^hv0[1-4](\.lab\.example)?$/i.test(h.trim())) },
  { command: 'lab', flag: '--duplicate-spn', argv: (v) => ['lab', 'init', path.join(scratch, 'init'), '--duplicate-spn', v], valid: (v) => v.split(',').every((h) => /^hv0[1-4](\.lab\.example)?$/i.test(h.trim())) },
];

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-hostile-cli-'));
  canaryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ferry-hostile-cli-canary-'));
  labDir = path.join(scratch, 'lab');
  await initLab(labDir);
});

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.rmSync(canaryDir, { recursive: true, force: true });
});

const canaryExists = () => fs.existsSync(path.join(canaryDir, CANARY_NAME));
const cases = () => textCases(canaryDir).filter((c) => !c.value.includes('\0')); // argv cannot carry NUL

describe('hostile input against every CLI argument', () => {
  it.each(templates.map((t, i) => ({ ...t, label: `${t.command} ${t.flag} #${i}` })))(
    '$label: refused with exit 2 naming the argument, nothing run',
    async (t) => {
      const problems: string[] = [];
      let refused = 0;
      for (const c of cases()) {
        if (t.valid(c.value)) continue;
        const r = await ferry(t.argv(c.value));
        const text = r.err + r.out;
        const name = t.flag.replace(/^--/, '');
        if (r.code !== 2) problems.push(`${c.id}: exit ${r.code}, not 2`);
        else if (!text.includes(name)) problems.push(`${c.id}: message does not name ${t.flag}: ${text.slice(0, 120)}`);
        if (/\n\s+at .+:\d+:\d+/.test(text)) problems.push(`${c.id}: stack trace`);
        if (canaryExists()) problems.push(`${c.id}: canary created`);
        refused++;
      }
      expect(problems).toEqual([]);
      expect(refused).toBeGreaterThan(150);
    },
    120_000,
  );

  it('VM names are free text: stored verbatim as data, or refused naming --name; never run', async () => {
    const problems: string[] = [];
    let stored = 0;
    for (const c of cases()) {
      const r = await ferry(['lab', 'add-vm', labDir, '--host', 'HV02', '--name', c.value, '--memory-gb', '2']);
      if (r.code === 0) {
        const host = JSON.parse(fs.readFileSync(path.join(labDir, 'hosts', 'HV02.json'), 'utf8')) as { vms: { name: string }[] };
        if (!host.vms.some((vm) => vm.name === c.value)) problems.push(`${c.id}: not stored verbatim`);
        stored++;
      } else if (r.code !== 2 || !(r.err + r.out).includes('--name')) {
        problems.push(`${c.id}: exit ${r.code}: ${(r.err + r.out).slice(0, 120)}`);
      }
      if (canaryExists()) problems.push(`${c.id}: canary created`);
    }
    expect(problems).toEqual([]);
    expect(stored).toBeGreaterThan(150);
  });
});
