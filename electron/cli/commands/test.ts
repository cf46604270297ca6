/**
 * `ferry test`: the simulated migration test from the command line — the same engine call the
 * app makes. Exit 0 when no check fails, 1 when one does, 2 on bad input.
 */
import { promises as fs } from 'node:fs';
import { ArgError, choiceArg, hostArg, parseArgs, stringArg, type ParsedArgs } from '../args';
import { escapeControls, formatTable, printJson, printable } from '../output';
import type { CliIo } from '../run-cli';
import { MAX_TEXT_LENGTH } from '../../core/contract/schemas';
import type { TestReport } from '../../core/model';
import { renderTestReportHtml, formatSeconds } from '../../core/report';
import { EVIDENCE_TEXTS, localizeEvidence } from '../../core/preflight/evidence-texts';
import { valueFormatFor } from '../../core/preflight/locale-format';
import { bySeverity, summarize } from '../../core/preflight/verdict';
import { countPhrases, verdictHeading, vmCountsLine, VERDICT_TEXTS } from '../../core/preflight/verdict-texts';
import { countVerdicts, vmReadiness } from '../../core/preflight/vm-readiness';
import { operatorName } from '../../engine/operator';
import { validateStoragePath } from '../../core/settings/storage-path';
import { groupFails, runGroupTest, runMigrationTest, reportFails, type GroupTestReport, type GroupTestRequest, type MigrationTestRequest } from '../../engine/migration-test';
import { renderGroupReportHtml } from '../../core/report';
import { GROUP_SPEC, groupHostsArg, refusePairWithGroup, topologyArg } from '../group-args';
import { createMigrationTestDeps } from '../../engine/migration-test-deps';
import { PowerShellPool } from '../../services/powershell/pool';
import type { DirectorySession } from '../../services/directory/directory-session';
import { DIRECTORY_SPEC, directoryFromArgs } from '../directory-args';
import { labFolderArg, openLabDirectorySession } from '../lab-directory-session';
import { startNotice } from '../session';
import { decimalArg } from './simulate';

const SPEC = {
  source: { type: 'string' },
  destination: { type: 'string' },
  ...GROUP_SPEC,
  'compare-vm': { type: 'string' },
  vm: { type: 'string', multiple: true },
  authentication: { type: 'string' },
  'start-on-source': { type: 'boolean' },
  'both-directions': { type: 'boolean' },
  'include-storage': { type: 'boolean' },
  'destination-storage-path': { type: 'string' },
  'memory-gb': { type: 'string' },
  'dirty-mb-per-s': { type: 'string' },
  report: { type: 'string' },
  locale: { type: 'string' },
  // The directory flags are exactly `ferry discover`'s (incl. --lab, --json, --help).
  ...DIRECTORY_SPEC,
} as const;

const USAGE = `Usage: ferry test --source <host> --destination <host> [--vm <name>]... [--lab <dir>]
       ferry test (--hosts <h1,h2,...> | --hosts-file <file>) [--topology mesh|hub [--hub <host>]...]
                  [--compare-vm auto|all|none] [--vm <name>]...   (the readiness matrix of every pair)
                  [--authentication Kerberos|CredSSP] [--start-on-source] [--both-directions]
                  [--include-storage [--destination-storage-path <D:\\VMs>]] [--memory-gb <GiB> --dirty-mb-per-s <MB/s>]
                  [--ldap-url <url> --bind-user <upn> [--starttls] [--base-dn <dn>] [--ca-file <pem>]]
                  [--json] [--report <file.html>] [--locale en|de]
Exit 0: no check failed (no pair blocked); 1: a check failed (a pair is blocked); 2: bad input.
LDAP password: FERRY_LDAP_PASSWORD or a prompt.
With --lab and no --ldap-url, delegation is checked in the lab folder's own directory.
`;


type CliTestRequest = { readonly kind: 'pair'; readonly request: MigrationTestRequest } | { readonly kind: 'group'; readonly request: GroupTestRequest };

async function requestFrom(args: ParsedArgs): Promise<CliTestRequest> {
  if (args.positionals.length > 0) throw new ArgError(printable(args.positionals[0] ?? ''), 'unexpected argument');
  const group = await groupHostsArg(args);
  if (group !== undefined) refusePairWithGroup(args);
  else if (args.values.has('topology') || args.values.has('hub')) throw new ArgError('--topology', 'needs --hosts or --hosts-file');
  else if (args.values.has('compare-vm')) throw new ArgError('--compare-vm', 'needs --hosts or --hosts-file (a pair always runs Compare-VM)');
  const source = group === undefined ? hostArg(args, 'source') : '';
  const destination = group === undefined ? hostArg(args, 'destination') : '';
  if (group === undefined && source.toLowerCase() === destination.toLowerCase()) throw new ArgError('--destination', 'must differ from --source');
  const vms = args.values.get('vm') ?? [];
  for (const vm of vms) {
    // VM names are free text for Hyper-V; Ferry only bounds them and refuses control characters.
    // eslint-disable-next-line no-control-regex
    if (vm.length === 0 || vm.length > MAX_TEXT_LENGTH || /[\u0000-\u001f\u007f]/.test(vm)) throw new ArgError('--vm', `not a usable VM name ('${printable(vm)}')`);
  }
  if (vms.length > 1000) throw new ArgError('--vm', 'at most 1000 VMs');
  const memoryGiB = decimalArg(args, 'memory-gb', 0.001, 24 * 1024, false);
  const dirtyMBps = decimalArg(args, 'dirty-mb-per-s', 0, 100_000, false);
  if ((memoryGiB === undefined) !== (dirtyMBps === undefined)) throw new ArgError(memoryGiB === undefined ? '--memory-gb' : '--dirty-mb-per-s', 'give --memory-gb and --dirty-mb-per-s together');
  const authentication = choiceArg(args, 'authentication', ['Kerberos', 'CredSSP'] as const);
  const storagePath = destinationStoragePathArg(args);
  if (group !== undefined) {
    const compareVm = choiceArg(args, 'compare-vm', ['auto', 'all', 'none'] as const);
    if (args.switches.has('both-directions')) throw new ArgError('--both-directions', 'is for a pair; a group uses --topology');
    return {
      kind: 'group',
      request: {
        hosts: group,
        topology: topologyArg(args, group),
        ...(vms.length > 0 ? { vms } : {}),
        ...(memoryGiB !== undefined && dirtyMBps !== undefined ? { hypothetical: { memoryGiB, dirtyMBps } } : {}),
        ...(authentication ? { authentication } : {}),
        startMode: args.switches.has('start-on-source') ? 'source' : 'remote',
        includeStorage: args.switches.has('include-storage'),
        ...(storagePath !== undefined ? { destinationStoragePath: storagePath } : {}),
        ...(compareVm ? { compareVm } : {}),
      },
    };
  }
  return { kind: 'pair', request: {
    source,
    destination,
    vms,
    ...(memoryGiB !== undefined && dirtyMBps !== undefined ? { hypothetical: { memoryGiB, dirtyMBps } } : {}),
    ...(authentication ? { authentication } : {}),
    startMode: args.switches.has('start-on-source') ? 'source' : 'remote',
    bothDirections: args.switches.has('both-directions'),
    includeStorage: args.switches.has('include-storage'),
    ...(storagePath !== undefined ? { destinationStoragePath: storagePath } : {}),
  } };
}

/** Compare-VM's -DestinationStoragePath: a folder on the destination (D:\VMs) or a share, only with --include-storage. */
function destinationStoragePathArg(args: ParsedArgs): string | undefined {
  const value = stringArg(args, 'destination-storage-path');
  if (value === undefined) return undefined;
  if (!args.switches.has('include-storage')) throw new ArgError('--destination-storage-path', 'needs --include-storage');
  const problem = validateStoragePath(value);
  if (problem !== null) throw new ArgError('--destination-storage-path', `${problem} (got '${printable(value)}')`);
  return value;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ParsedArgs;
  let request: CliTestRequest;
  let locale: 'en' | 'de';
  try {
    args = parseArgs(argv, SPEC);
    if (args.switches.has('help')) {
      io.out(USAGE);
      return 0;
    }
    request = await requestFrom(args);
    locale = choiceArg(args, 'locale', ['en', 'de'] as const) ?? 'en';
    const labArg = stringArg(args, 'lab');
    if (labArg !== undefined) labFolderArg(labArg);
  } catch (error) {
    if (error instanceof ArgError) {
      io.err(`ferry test: ${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  const labDir = stringArg(args, 'lab');
  let directory: DirectorySession | undefined;
  const pool = new PowerShellPool({ ...(labDir !== undefined ? { labDir } : {}), onStart: startNotice(io.err), ...(io.env.FERRY_PWSH ? { executable: io.env.FERRY_PWSH } : {}) });
  try {
    if (stringArg(args, 'ldap-url') !== undefined) {
      try {
        directory = await directoryFromArgs({ ...args, values: new Map([...args.values].filter(([flag]) => flag !== 'lab')) }, io);
      } catch (error) {
        if (error instanceof ArgError) {
          io.err(`ferry test: ${error.message}\n`);
          return 2;
        }
        throw error;
      }
    } else if (labDir !== undefined) {
      directory = await openLabDirectorySession(labDir, io.env);
    }
    const deps = createMigrationTestDeps({ pool, ...(directory ? { directory } : {}), user: operatorName(io.env), workstationProbe: labDir !== undefined ? 'lab' : 'tcp' });
    const reportFile = stringArg(args, 'report');
    if (request.kind === 'group') {
      const group = await runGroupTest(deps, request.request);
      const hosts = group.hosts.map((h) => h.computerName);
      if (reportFile !== undefined) await fs.writeFile(reportFile, renderGroupReportHtml({ startedAt: group.startedAt, ranBy: group.ranBy, hosts, cells: group.cells }, { locale }), 'utf8');
      if (args.switches.has('json')) printJson(io, groupToJson(group));
      else io.out(matrixText(group));
      return groupFails(group) ? 1 : 0;
    }
    const report = await runMigrationTest(deps, request.request);
    if (reportFile !== undefined) await fs.writeFile(reportFile, renderTestReportHtml(report, { locale }), 'utf8');
    if (args.switches.has('json')) printJson(io, toJson(report));
    else io.out(toText(report));
    return reportFails(report) ? 1 : 0;
  } finally {
    await directory?.close();
    await pool.dispose();
  }
}

/** The documented `--json` shape. */
export function toJson(report: TestReport): unknown {
  const summary = summarize(report.findings);
  return {
    verdict: summary.verdict,
    counts: summary.counts,
    vms: vmReadiness(report.findings, report.hosts[0]?.vms ?? []).map((r) => ({
      vm: r.vm,
      verdict: r.verdict,
      ...(r.memoryBytes !== undefined ? { memoryBytes: r.memoryBytes } : {}),
      ...(r.configurationVersion !== undefined ? { configurationVersion: r.configurationVersion } : {}),
      ...(r.firstBlocker ? { firstBlocker: r.firstBlocker.id } : {}),
    })),
    source: report.source,
    destination: report.destination,
    startedAt: report.startedAt,
    ranBy: report.ranBy,
    findings: report.findings.map((f) => ({ id: f.id, severity: f.severity, title: f.title, evidence: f.evidence, fix: f.fix, ...(f.vm !== undefined ? { vm: f.vm } : {}) })),
    model: report.model.map((m) => ({ option: m.option, rounds: m.rounds, totalSeconds: m.totalSeconds, downtimeSeconds: m.downtimeSeconds, bytesSent: m.bytesSent, converges: m.converges, ...(m.why !== undefined ? { why: m.why } : {}) })),
  };
}


const ENGLISH = valueFormatFor('en');

/** The text report: the verdict first (the Test view's words), each VM, then the findings most severe first. */
export function toText(report: TestReport): string {
  const summary = summarize(report.findings);
  const findings = bySeverity(report.findings);
  const vms = vmReadiness(report.findings, report.hosts[0]?.vms ?? []);
  const counts = countPhrases(summary.counts, 'en').map((c) => c.text);
  if (vms.length > 0) counts.push(vmCountsLine(countVerdicts(vms), 'en'));
  const lines = [verdictHeading(summary, 'en'), counts.join(', '), `Simulated migration test ${report.source} -> ${report.destination} (${report.startedAt}, ${report.ranBy})`, ''];
  if (vms.length > 0) {
    lines.push(formatTable(['VM', 'Memory', 'Version', 'Verdict', 'First blocker'], vms.map((r) => [
      r.vm,
      r.memoryBytes !== undefined ? ENGLISH.bytes(r.memoryBytes) : '-',
      r.configurationVersion ?? '-',
      VERDICT_TEXTS.en.cell[r.verdict],
      r.firstBlocker ? `${r.firstBlocker.title}${r.blockerIsPairWide ? ' (both hosts)' : ''}` : '-',
    ])));
  }
  lines.push(formatTable(['Result', 'Check', 'Finding'], findings.map((f) => [f.severity.toUpperCase(), f.id, f.title])));
  for (const f of findings.filter((x) => x.severity === 'fail' || x.severity === 'warn')) {
    lines.push(`${f.severity.toUpperCase()} ${escapeControls(f.title)}`);
    // The same readable labels and units as the app and the report (JSON keeps the raw values).
    const evidence = localizeEvidence(EVIDENCE_TEXTS.en, f.evidence, ENGLISH);
    lines.push(`  evidence: ${evidence.map((e) => `${e.label}: ${escapeControls(e.value)}`).join(', ')}`);
    if (f.fix.kind !== 'none') lines.push(`  fix (${f.fix.kind}): ${escapeControls(f.fix.text)}${f.fix.command ? f.fix.command.split('\n').map((l) => `\n    ${escapeControls(l)}`).join('') : ''}`);
  }
  lines.push('', formatTable(['Option', 'Rounds', 'Total', 'Blackout', 'Converges'], report.model.map((m) => [m.option, String(m.rounds), formatSeconds(m.totalSeconds), formatSeconds(m.downtimeSeconds), m.converges ? 'yes' : 'NO'])));
  return lines.join('\n') + '\n';
}

/** The `--json` shape of a group test: the matrix and every pair's findings. */
export function groupToJson(report: GroupTestReport): unknown {
  return {
    startedAt: report.startedAt,
    ranBy: report.ranBy,
    hosts: report.hosts.map((h) => ({ computerName: h.computerName, status: h.status, ...(h.error ? { error: h.error } : {}) })),
    cells: report.cells,
    // Every pair's findings, evaluated again one pair at a time (the report keeps only the cells).
    pairs: report.pairs.flatMap((p) => {
      const r = report.pairResult(p);
      return r === undefined ? [] : [{
        source: r.source,
        destination: r.destination,
        findings: r.findings.map((f) => ({ id: f.id, severity: f.severity, title: f.title, evidence: f.evidence, fix: f.fix, ...(f.vm !== undefined ? { vm: f.vm } : {}) })),
      }];
    }),
  };
}

const CELL_TEXT = { ready: 'ready', warnings: 'warn', blocked: 'BLOCKED' } as const;

/** The matrix as text: source rows, destination columns, then why each blocked pair is blocked. */
export function matrixText(report: GroupTestReport): string {
  const hosts = report.hosts.map((h) => h.computerName);
  const cell = new Map(report.cells.map((c) => [`${c.source.toUpperCase()}>${c.destination.toUpperCase()}`, c]));
  const count = (v: keyof typeof CELL_TEXT) => report.cells.filter((c) => c.verdict === v).length;
  const rows = hosts.map((src) => [
    src,
    ...hosts.map((dst) => {
      if (src.toUpperCase() === dst.toUpperCase()) return '-';
      const c = cell.get(`${src.toUpperCase()}>${dst.toUpperCase()}`);
      if (!c) return '.';
      return c.verdict === 'blocked' ? `${CELL_TEXT.blocked} ${c.counts.fail}` : c.verdict === 'warnings' ? `${CELL_TEXT.warnings} ${c.counts.warn}` : CELL_TEXT.ready;
    }),
  ]);
  const lines = [
    `Readiness matrix: ${hosts.length} hosts, ${report.cells.length} pairs — ${count('ready')} ready, ${count('warnings')} with warnings, ${count('blocked')} blocked (${report.startedAt}, ${report.ranBy})`,
    '',
    formatTable(['source \\ destination', ...hosts], rows),
  ];
  const down = report.hosts.filter((h) => h.status !== 'ok');
  for (const h of down) lines.push(`${h.computerName}: could not be read (${h.status}${h.error ? `: ${escapeControls(h.error.message)}` : ''})`);
  const blocked = report.cells.filter((c) => c.verdict === 'blocked');
  if (blocked.length > 0) {
    lines.push('Blocked pairs (first blocker; `ferry test --source <s> --destination <d>` shows all):');
    for (const c of blocked) lines.push(`  ${c.source} -> ${c.destination}: ${escapeControls(c.first?.title ?? '')} (${c.counts.fail} blocker${c.counts.fail === 1 ? '' : 's'})`);
  }
  return lines.join('\n') + '\n';
}
