/**
 * The HTML report of a group test: the readiness matrix (source rows × destination columns,
 * each cell its verdict and counts) and, for every blocked pair, its first blocker. Same rules as
 * the pair report: self-contained, no scripts, every host value escaped.
 */
import type { MatrixCell } from '../model';
import { FINDING_TEXTS } from '../preflight/finding-texts';
import { interpolate, localizeTitle } from '../preflight/localize-finding';
import { valueFormatFor } from '../preflight/locale-format';
import { escapeHtml } from './render-test-report';
import { REPORT_STRINGS, type ReportLocale } from './report-strings';

export interface GroupReportInput {
  readonly startedAt: string;
  readonly ranBy: string;
  readonly hosts: readonly string[];
  readonly cells: readonly MatrixCell[];
}

const CSS = `body{font:14px/1.45 system-ui,Segoe UI,Arial,sans-serif;margin:24px;color:#1b1b1b}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
table{border-collapse:collapse;margin:4px 0}th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.ready{background:#dff6dd}td.warnings{background:#fff4ce}td.blocked{background:#fde7e9}td.self{background:#eee}
.muted{color:#555;font-size:12px}`;

const key = (a: string, b: string) => `${a.toUpperCase()}>${b.toUpperCase()}`;

export function renderGroupReportHtml(input: GroupReportInput, options: { locale: ReportLocale }): string {
  const t = REPORT_STRINGS[options.locale] ?? REPORT_STRINGS.en;
  const lang = options.locale === 'de' ? 'de' : 'en';
  const texts = FINDING_TEXTS[lang];
  const format = valueFormatFor(lang);
  const e = escapeHtml;
  const cells = new Map(input.cells.map((c) => [key(c.source, c.destination), c]));
  const count = (v: MatrixCell['verdict']) => input.cells.filter((c) => c.verdict === v).length;
  const summary = interpolate(t.pairsSummary, {
    ready: String(count('ready')), warnings: String(count('warnings')), blocked: String(count('blocked')), total: String(input.cells.length),
  });
  const head = `<tr><th scope="col">${e(t.matrixCorner)}</th>${input.hosts.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr>`;
  const rows = input.hosts.map((src) => {
    const tds = input.hosts.map((dst) => {
      if (src.toUpperCase() === dst.toUpperCase()) return '<td class="self">–</td>';
      const c = cells.get(key(src, dst));
      if (!c) return '<td class="muted">·</td>';
      const n = c.verdict === 'blocked' ? c.counts.fail : c.verdict === 'warnings' ? c.counts.warn : c.counts.pass;
      return `<td class="${c.verdict}">${e(t.verdict[c.verdict])} (${n})</td>`;
    });
    return `<tr><th scope="row">${e(src)}</th>${tds.join('')}</tr>`;
  });
  const blocked = input.cells.filter((c) => c.verdict === 'blocked').map((c) => {
    const why = c.first ? localizeTitle(texts, c.first, format) : '';
    return `<li>${e(c.source)} → ${e(c.destination)}: ${e(why)} (${c.counts.fail})</li>`;
  });
  return `<!DOCTYPE html>
<html lang="${options.locale === 'de' ? 'de' : 'en'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(t.groupTitle)}</title><style>${CSS}</style></head>
<body>
<h1>${e(t.groupTitle)}</h1>
<p class="muted">${e(t.startedAt)}: ${e(input.startedAt)} · ${e(t.ranBy)}: ${e(input.ranBy)}</p>
<p>${e(summary)}</p>
<h2>${e(t.matrix)}</h2>
<table><thead>${head}</thead><tbody>${rows.join('\n')}</tbody></table>
${blocked.length > 0 ? `<h2>${e(t.blockedPairs)}</h2><ul>${blocked.join('\n')}</ul>` : ''}
</body></html>
`;
}
