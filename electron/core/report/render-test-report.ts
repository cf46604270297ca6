/**
 * One self-contained HTML file for a change ticket: summary, hosts and their settings side by
 * side, findings with evidence and fixes, the model table and an inline SVG chart, time and
 * operator. No scripts, no external resources (a CSP meta says so too); every value from a host
 * or the directory is escaped, because VM, switch and host names are arbitrary text.
 */
import type { HostFacts, TestReport } from '../model';
import { modelChartGeometry } from './chart-geometry';
import { EVIDENCE_TEXTS, localizeEvidence } from '../preflight/evidence-texts';
import { FINDING_TEXTS } from '../preflight/finding-texts';
import { explainModel } from '../simulate/explain';
import { valueFormatFor, type ValueFormat } from '../preflight/locale-format';
import { localizeFinding } from '../preflight/localize-finding';
import { bySeverity, summarize } from '../preflight/verdict';
import { countPhrases, verdictHeading, vmCountsLine, VERDICT_TEXTS } from '../preflight/verdict-texts';
import { countVerdicts, vmReadiness } from '../preflight/vm-readiness';
import { REPORT_STRINGS, type ReportLocale, type ReportStrings } from './report-strings';

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CSS = `body{font:14px/1.45 system-ui,Segoe UI,Arial,sans-serif;margin:24px;color:#1b1b1b}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
table{border-collapse:collapse;width:100%;margin:4px 0}th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3}.sev{font-weight:600;white-space:nowrap}.pass{color:#0b6a0b}.warn{color:#8a5300}.fail{color:#b10e1c}.info{color:#33556b}
.summary{padding:8px 12px;border-radius:4px;margin:8px 0}.summary h2{margin:0 0 4px;font-size:18px}.summary p{margin:0}.summary.fail{background:#fde7e9}.summary.warn{background:#fff4ce}.summary.pass{background:#dff6dd}
dl{margin:0}dt{font-weight:600;display:inline}dd{display:inline;margin:0 8px 0 4px}code{font:12px Consolas,monospace;background:#f3f3f3;padding:1px 3px}
.muted{color:#555;font-size:12px}`;

export function renderTestReportHtml(report: TestReport, options: { locale: ReportLocale }): string {
  const t = REPORT_STRINGS[options.locale] ?? REPORT_STRINGS.en;
  // Sizes and times in the report's locale ("8,0 GiB" in German), like the renderer shows them.
  const fmt = valueFormatFor(options.locale === 'de' ? 'de' : 'en');
  const e = escapeHtml;
  return `<!DOCTYPE html>
<html lang="${options.locale === 'de' ? 'de' : 'en'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(t.title)}: ${e(report.source)} → ${e(report.destination)}</title><style>${CSS}</style></head>
<body>
<h1>${e(t.title)}: ${e(report.source)} → ${e(report.destination)}</h1>
<p class="muted">${e(t.startedAt)}: ${e(report.startedAt)} · ${e(t.ranBy)}: ${e(report.ranBy)}</p>
${verdictSection(report, t, options.locale, fmt)}
<h2>${e(t.hosts)}</h2>
${hostsTable(report, t, fmt)}
<h2>${e(t.findings)}</h2>
${findingsTable(report, t, options.locale, fmt)}
<h2>${e(t.model)}</h2>
${chartSvg(report, t, fmt)}
${modelTable(report, t, options.locale, fmt)}
<p class="muted">${e(t.modelNote)}</p>
</body></html>
`;
}

const VERDICT_CLASS = { ready: 'pass', warnings: 'warn', blocked: 'fail' } as const;

/** The verdict first (the same words as the Test view and `ferry test`), the counts, then each VM's readiness. */
function verdictSection(report: TestReport, t: ReportStrings, locale: ReportLocale, fmt: ValueFormat): string {
  const lang = locale === 'de' ? 'de' : 'en';
  const summary = summarize(report.findings);
  const vms = vmReadiness(report.findings, report.hosts[0]?.vms ?? []);
  const counts = countPhrases(summary.counts, lang).map((c) => `<span class="${c.severity}">${escapeHtml(c.text)}</span>`);
  if (vms.length > 0) counts.push(escapeHtml(vmCountsLine(countVerdicts(vms), lang)));
  const texts = FINDING_TEXTS[locale] ?? FINDING_TEXTS.en;
  const rows = vms.map((r) => {
    const blocker = r.firstBlocker ? `${escapeHtml(localizeFinding(texts, r.firstBlocker, fmt).title)}${r.blockerIsPairWide ? ` <span class="muted">(${escapeHtml(t.vmTable.pairWide)})</span>` : ''}` : '–';
    return `<tr><th scope="row">${escapeHtml(r.vm)}</th><td>${r.memoryBytes !== undefined ? escapeHtml(fmt.bytes(r.memoryBytes)) : '–'}</td><td>${escapeHtml(r.configurationVersion ?? '–')}</td><td class="sev ${VERDICT_CLASS[r.verdict]}">${escapeHtml(VERDICT_TEXTS[lang].cell[r.verdict])}</td><td>${blocker}</td></tr>`;
  });
  const v = t.vmTable;
  const table = vms.length === 0 ? '' : `
<h2>${escapeHtml(v.title)}</h2>
<table><thead><tr><th>${escapeHtml(v.vm)}</th><th>${escapeHtml(v.memory)}</th><th>${escapeHtml(v.version)}</th><th>${escapeHtml(v.verdict)}</th><th>${escapeHtml(v.firstBlocker)}</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
  return `<section class="summary ${VERDICT_CLASS[summary.verdict]}"><h2 class="verdict">${escapeHtml(verdictHeading(summary, lang))}</h2><p>${counts.join(' · ')}</p></section>${table}`;
}

const ROWS: readonly [string, (h: HostFacts, fmt: ValueFormat) => unknown][] = [
  ['status', (h) => h.status + (h.error ? `: ${h.error.message}` : '')],
  ['domain', (h) => h.domain],
  ['osVersion', (h) => h.osVersion],
  ['processorVendor', (h) => h.processorVendor],
  ['virtualMachineMigrationEnabled', (h) => h.settings?.virtualMachineMigrationEnabled],
  ['maximumVirtualMachineMigrations', (h) => h.settings?.maximumVirtualMachineMigrations],
  ['maximumStorageMigrations', (h) => h.settings?.maximumStorageMigrations],
  ['virtualMachineMigrationAuthenticationType', (h) => h.settings?.virtualMachineMigrationAuthenticationType],
  ['virtualMachineMigrationPerformanceOption', (h) => h.settings?.virtualMachineMigrationPerformanceOption],
  ['useAnyNetworkForMigration', (h) => h.settings?.useAnyNetworkForMigration],
  ['migrationNetworks', (h) => h.settings?.migrationNetworks.map((n) => `${n.subnet} (${n.priority})`).join(', ')],
  ['credentialGuardRunning', (h) => h.credentialGuardRunning],
  ['supportedVersions', (h) => h.supportedVersions?.join(', ')],
  ['switches', (h) => h.switches?.map((s) => s.name).join(', ')],
  ['links', (h) => h.links?.map((l) => `${l.name} ${l.subnet} ${l.linkSpeedGbps} Gb/s${l.rdma ? ' RDMA' : ''}`).join(', ')],
  ['memoryAvailableBytes', (h, fmt) => (h.memoryAvailableBytes === undefined ? undefined : fmt.bytes(h.memoryAvailableBytes))],
];

function hostsTable(report: TestReport, t: ReportStrings, fmt: ValueFormat): string {
  const [src, dst] = [report.hosts[0], report.hosts[1]];
  const cell = (h: HostFacts | undefined, read: (h: HostFacts, fmt: ValueFormat) => unknown) => {
    const v = h ? read(h, fmt) : undefined;
    return v === undefined || v === '' ? `<span class="muted">${escapeHtml(t.unreadable)}</span>` : escapeHtml(v);
  };
  const rows = ROWS.map(([name, read]) => {
    const a = cell(src, read);
    const b = cell(dst, read);
    const differs = a !== b ? ' style="background:#fff8e1"' : '';
    return `<tr${differs}><th scope="row"><code>${escapeHtml(name)}</code></th><td>${a}</td><td>${b}</td></tr>`;
  }).join('\n');
  return `<table><thead><tr><th>${escapeHtml(t.setting)}</th><th>${escapeHtml(t.source)}: ${escapeHtml(src?.computerName ?? report.source)}</th><th>${escapeHtml(t.destination)}: ${escapeHtml(dst?.computerName ?? report.destination)}</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

function findingsTable(report: TestReport, t: ReportStrings, locale: ReportLocale, fmt: ValueFormat): string {
  // Titles, fixes and evidence words in the report's language from the tables the renderer uses too.
  const texts = FINDING_TEXTS[locale] ?? FINDING_TEXTS.en;
  const evidenceTexts = EVIDENCE_TEXTS[locale] ?? EVIDENCE_TEXTS.en;
  const rows = bySeverity(report.findings).map((f) => {
    const evidence = localizeEvidence(evidenceTexts, f.evidence, fmt).map((l) => `<dt>${escapeHtml(l.label)}</dt><dd>${escapeHtml(l.value)}</dd>`).join('');
    const text = localizeFinding(texts, f, fmt);
    const fix = f.fix.kind === 'none' ? '' : `${escapeHtml(text.fixText)}${f.fix.command ? `<br><code>${escapeHtml(f.fix.command)}</code>` : ''}`;
    return `<tr><td class="sev ${f.severity}">${escapeHtml(t.sev[f.severity])}</td><td>${escapeHtml(text.title)}<br><span class="muted">${escapeHtml(f.id)}</span></td><td><dl>${evidence}</dl></td><td>${fix}</td></tr>`;
  }).join('\n');
  return `<table><thead><tr><th>${escapeHtml(t.severity)}</th><th>${escapeHtml(t.check)}</th><th>${escapeHtml(t.evidence)}</th><th>${escapeHtml(t.fix)}</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

function chartSvg(report: TestReport, t: ReportStrings, fmt: ValueFormat): string {
  const g = modelChartGeometry(report.model, {}, fmt.seconds);
  const parts: string[] = [];
  for (const p of g.panels) {
    const title = p.metric === 'total' ? t.total : t.blackout;
    parts.push(`<text x="${p.x + p.width / 2}" y="16" text-anchor="middle" font-size="13" font-weight="600">${escapeHtml(title)}</text>`);
    parts.push(`<line x1="${p.x + 8}" y1="${p.baseline}" x2="${p.x + p.width - 8}" y2="${p.baseline}" stroke="#888"/>`);
    for (const b of p.bars) {
      const fill = b.converges ? '#2f6fb0' : '#b10e1c';
      const dash = b.converges ? '' : ' stroke="#5a0000" stroke-dasharray="4 2"';
      const tag = b.converges ? '' : ` (${t.notConverging})`;
      parts.push(`<rect x="${b.x.toFixed(1)}" y="${b.y.toFixed(1)}" width="${b.width.toFixed(1)}" height="${b.height.toFixed(1)}" fill="${fill}"${dash}><title>${escapeHtml(`${b.option}: ${b.label}${tag}`)}</title></rect>`);
      parts.push(`<text x="${(b.x + b.width / 2).toFixed(1)}" y="${(b.y - 4).toFixed(1)}" text-anchor="middle" font-size="11">${escapeHtml(b.label)}${b.converges ? '' : ' ⚠'}</text>`);
      parts.push(`<text x="${(b.x + b.width / 2).toFixed(1)}" y="${p.baseline + 16}" text-anchor="middle" font-size="11">${escapeHtml(b.option)}</text>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${g.height}" viewBox="0 0 ${g.width} ${g.height}" role="img" aria-label="${escapeHtml(t.model)}">${parts.join('')}</svg>`;
}

function modelTable(report: TestReport, t: ReportStrings, locale: ReportLocale, fmt: ValueFormat): string {
  const rows = report.model.map((m) => `<tr><td>${escapeHtml(m.option)}</td><td>${m.rounds}</td><td>${escapeHtml(fmt.seconds(m.totalSeconds))}</td><td>${escapeHtml(fmt.seconds(m.downtimeSeconds))}</td><td>${escapeHtml(fmt.bytes(m.bytesSent))}</td><td class="${m.converges ? 'pass' : 'fail'}">${escapeHtml(m.converges ? t.yes : t.no)}</td><td>${escapeHtml(m.explain ? explainModel(m.explain, locale === 'de' ? 'de' : 'en') : (m.why ?? ''))}</td></tr>`).join('\n');
  return `<table><thead><tr><th>${escapeHtml(t.option)}</th><th>${escapeHtml(t.rounds)}</th><th>${escapeHtml(t.total)}</th><th>${escapeHtml(t.blackout)}</th><th>${escapeHtml(t.dataSent)}</th><th>${escapeHtml(t.converges)}</th><th></th></tr></thead><tbody>
${rows}
</tbody></table>`;
}
