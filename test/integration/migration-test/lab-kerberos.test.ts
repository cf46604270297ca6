/**
 * The lab's Kerberos defects (issue 14 item 1) through the built CLI path: `ferry lab init
 * --second-domain HV04 --duplicate-spn HV02`, then `ferry test` with the lab directory. HV04's
 * account lives in the child domain emea.lab.example, so HV03 → HV04 is blocked until HV04's
 * resource-based delegation allows HV03; a stale HV02-OLD account holds HV02's migration SPNs.
 * The HTML report carries both findings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ferry } from '../../support/ferry-in-process';

type Finding = { id: string; severity: string; title: string; evidence: Record<string, string>; fix: { kind: string; command?: string } };

let lab: string;
beforeAll(async () => {
  lab = await mkdtemp(path.join(os.tmpdir(), 'ferry-kerb-'));
});
afterAll(async () => {
  await rm(lab, { recursive: true, force: true });
});

describe('lab Kerberos defects in ferry test', () => {
  it('refuses a defect on a host the lab does not have, naming the option', async () => {
    const r = await ferry(['lab', 'init', lab, '--second-domain', 'HV09']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--second-domain');
  });

  it('a host in the child domain fails cross-domain; a stale account\'s copy of the SPNs fails duplicate-spn; both in the report', async () => {
    expect((await ferry(['lab', 'init', lab, '--second-domain', 'HV04', '--duplicate-spn', 'HV02'])).code).toBe(0);
    const report = path.join(lab, 'report.html');
    const r = await ferry(['test', '--source', 'HV03', '--destination', 'HV04', '--lab', lab, '--json', '--report', report]);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.out) as { findings: Finding[] }).findings;
    const cross = findings.find((f) => f.id === 'identity.cross-domain');
    expect(cross).toMatchObject({ severity: 'fail', evidence: { domainSource: 'lab.example', domainDestination: 'emea.lab.example' } });
    expect(cross?.fix.command).toContain("-Server 'emea.lab.example'");
    expect(findings.find((f) => f.id === 'identity.domain')?.severity).toBe('pass');
    expect(findings.find((f) => f.id === 'identity.duplicate-spn')?.severity).toBe('pass');
    const html = await readFile(report, 'utf8');
    expect(html).toContain('classic constrained delegation does not cross domains');

    const d = await ferry(['test', '--source', 'HV01', '--destination', 'HV02', '--lab', lab, '--json']);
    const dup = (JSON.parse(d.out) as { findings: Finding[] }).findings.find((f) => f.id === 'identity.duplicate-spn');
    expect(dup?.severity).toBe('fail');
    expect(dup?.evidence.spnHoldersDestination).toContain('CN=HV02-OLD,CN=Computers,DC=lab,DC=example');
    expect(dup?.fix.command).toContain('setspn -D "Microsoft Virtual System Migration Service/HV02" "HV02-OLD"');
  });
});
