import { describe, it, expect } from 'vitest';
import { escapeHtml, modelChartGeometry, renderTestReportHtml } from '../../../electron/core/report';
import { runModel, GIB, MB } from '../../../electron/core/simulate';
import { runPreflight } from '../../../electron/core/preflight';
import type { TestReport } from '../../../electron/core/model';
import { TestReportSchema } from '../../../electron/core/contract/schemas';
import { host, readyFacts, vm } from '../preflight/fixtures';

const EVIL = `<script>alert("x")</script><img src=x onerror=alert(1)>'&`;

function report(): TestReport {
  const facts = readyFacts({
    source: host('HV01', { vms: [vm({ name: EVIL, hasIsoAttached: true })] }),
    destination: host('HV02', { switches: [{ name: `sw"><iframe src="https://evil.example">`, switchType: 'External' }] }),
    vmNames: [EVIL],
    vmReports: [],
  });
  return {
    source: 'HV01',
    destination: 'HV02',
    startedAt: '2025-01-02T03:04:05.000Z',
    ranBy: 'CORP\\alice',
    hosts: [facts.source, facts.destination],
    findings: runPreflight(facts),
    model: runModel({ memoryBytes: 16 * GIB, dirtyBytesPerSecond: 200 * MB, linkGbps: 1 }),
  };
}

describe('test report HTML', () => {
  it('escapes every value: no markup from VM or switch names survives', () => {
    const r = report();
    expect(TestReportSchema.safeParse(r).success).toBe(true);
    const html = renderTestReportHtml(r, { locale: 'en' });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<iframe');
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(html).toContain('CORP\\alice');
  });

  it('is self-contained: no external URL, no script, inline style and SVG', () => {
    const html = renderTestReportHtml(report(), { locale: 'en' });
    // The hostile switch name carries a URL, but only as escaped text; no tag or CSS may load anything.
    expect(html).not.toMatch(/<[a-z]+[^>]*\s(src|href|action|background)\s*=/i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html.match(/<[a-z][^>]*https?:/gi) ?? []).toEqual(['<svg xmlns="http:']);
    expect(html).toContain('<style>');
    expect(html).toContain('<svg');
    expect(html).toContain("default-src 'none'");
  });

  it('shows hosts side by side, findings, model, time and operator; marks non-convergence', () => {
    const html = renderTestReportHtml(report(), { locale: 'en' });
    expect(html).toContain('Source: HV01');
    expect(html).toContain('Destination: HV02');
    expect(html).toContain('virtualMachineMigrationPerformanceOption');
    expect(html).toContain('2025-01-02T03:04:05.000Z');
    expect(html).toContain('vm.iso');
    expect(html).toContain('does not converge');
  });

  it('opens with the verdict, the counts and each VM, then lists blockers before passes', () => {
    const r = report();
    const html = renderTestReportHtml(r, { locale: 'en' });
    const fails = r.findings.filter((f) => f.severity === 'fail').length;
    expect(fails).toBeGreaterThan(0);
    const firstH2 = /<h2[^>]*>([^<]*)<\/h2>/.exec(html)?.[1];
    expect(firstH2).toBe(`Not ready: ${fails} blocker${fails === 1 ? '' : 's'}`);
    expect(html).toContain('1 VM: 0 ready, 0 with warnings, 1 not ready');
    expect(html.indexOf('Readiness per VM')).toBeLessThan(html.indexOf('<h2>Hosts'));
    expect(html.indexOf('class="sev fail"')).toBeLessThan(html.indexOf('class="sev pass"'));
    const de = renderTestReportHtml(r, { locale: 'de' });
    expect(/<h2[^>]*>([^<]*)<\/h2>/.exec(de)?.[1]).toBe(`Nicht bereit: ${fails} Blocker`);
    expect(de).toContain('Bereitschaft je VM');
  });

  it('speaks German when asked', () => {
    const html = renderTestReportHtml(report(), { locale: 'de' });
    expect(html).toContain('lang="de"');
    expect(html).toContain('Ausfallzeit');
    expect(html).toContain('konvergiert nicht');
    // Finding titles come from the shared table: German here, the engine's English in the en report.
    expect(html).toContain('Beide Hosts sind in derselben Domäne');
    expect(html).not.toContain('Both hosts are in the same domain');
    expect(renderTestReportHtml(report(), { locale: 'en' })).toContain('Both hosts are in the same domain');
  });

  it('words evidence and formats sizes and times in the report locale', () => {
    const r = report();
    const de = renderTestReportHtml(r, { locale: 'de' });
    const en = renderTestReportHtml(r, { locale: 'en' });
    // Evidence labels and vocabulary translated; raw byte counts formatted with a decimal comma.
    expect(de).toContain('<dt>Verschiebungen starten</dt><dd>remote (WinRM)</dd>');
    expect(de).toContain('<dt>Zustand</dt><dd>offen</dd>');
    expect(en).toContain('<dt>State</dt><dd>open</dd>');
    expect(de).not.toMatch(/<dt>(source|destination|state|startMode)<\/dt>/);
    // Model durations per locale: a decimal comma and "Sek." in German, a point and "sec" in English.
    expect(de).toMatch(/\d,\d\s?Sek\./);
    expect(de).not.toMatch(/\d\.\d\s?(sec|Sek|GiB)/);
    expect(en).toMatch(/\d\.\d\s?sec\b/);
    expect(de).toContain('<dt>Benötigter Arbeitsspeicher</dt><dd>8\u00a0GiB</dd>');
  });

  it('escapes the five HTML specials and backtick', () => {
    expect(escapeHtml(`<>&"'\``)).toBe('&#60;&#62;&#38;&#34;&#39;&#96;');
  });
});

describe('model chart geometry', () => {
  it('has a total and a blackout panel, bars proportional to the values, non-convergence flagged', () => {
    const model = runModel({ memoryBytes: 16 * GIB, dirtyBytesPerSecond: 200 * MB, linkGbps: 1 });
    const g = modelChartGeometry(model, { width: 600, height: 200 });
    expect(g.panels.map((p) => p.metric)).toEqual(['total', 'downtime']);
    const total = g.panels[0]!;
    expect(total.bars.map((b) => b.option)).toEqual(['TCPIP', 'Compression', 'SMB']);
    const [tcp, comp] = total.bars;
    expect(tcp!.height / comp!.height).toBeCloseTo(tcp!.value / comp!.value, 1);
    expect(tcp!.converges).toBe(false);
    for (const p of g.panels) for (const b of p.bars) {
      expect(b.y + b.height).toBeCloseTo(p.baseline);
      expect(b.x).toBeGreaterThanOrEqual(p.x);
      expect(b.x + b.width).toBeLessThanOrEqual(p.x + p.width);
    }
  });

  it('copes with an all-zero model', () => {
    const g = modelChartGeometry(runModel({ memoryBytes: 1 * GIB, dirtyBytesPerSecond: 0, linkGbps: 0 }));
    for (const p of g.panels) for (const b of p.bars) expect(Number.isFinite(b.height)).toBe(true);
  });
});
