/**
 * The group report names each blocked pair's first blocker in the report's language, sizes
 * formatted for it — from the cell's id + params, not the engine's English title.
 */
import { describe, expect, it } from 'vitest';
import type { MatrixCell } from '../../../electron/core/model';
import { renderGroupReportHtml } from '../../../electron/core/report/render-group-report';

const GiB = 1024 ** 3;
const blocked: MatrixCell = {
  source: 'HV01',
  destination: 'HV02',
  verdict: 'blocked',
  counts: { pass: 10, warn: 0, fail: 1, info: 0 },
  first: { id: 'capacity.memory', severity: 'fail', title: 'engine English', params: { host: 'HV02', vm: 'web01', neededBytes: String(8 * GiB), freeBytes: String(1.5 * GiB) } },
};
const input = { startedAt: '2026-12-03T10:00:00Z', ranBy: 'CORP\\admin', hosts: ['HV01', 'HV02'], cells: [blocked] };

describe('the group report', () => {
  it('says the first blocker in German, with German number formats', () => {
    const html = renderGroupReportHtml(input, { locale: 'de' });
    expect(html).toContain('HV02 fehlt Arbeitsspeicher für „web01“ (8\u00a0GiB benötigt, 1,5\u00a0GiB frei)');
    expect(html).not.toContain('engine English');
  });

  it('and in English', () => {
    expect(renderGroupReportHtml(input, { locale: 'en' })).toContain('HV02 lacks memory for &#34;web01&#34; (8\u00a0GiB needed, 1.5\u00a0GiB free)');
  });
});
